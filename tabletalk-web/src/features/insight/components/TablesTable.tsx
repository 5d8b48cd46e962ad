import type { TableFigures } from '../api/insight-api';
import { formatCount, formatFigure } from '../format';
import { cellClasses, headCellClasses, numberCellClasses, Section, tableClasses, ScrollArea } from './Section';

export function TablesTable({ tables }: { tables: TableFigures[] }) {
  return (
    <Section title="By table">
      {tables.length === 0 ? (
        <p>No table was used in this range.</p>
      ) : (
        <ScrollArea label="Tables, scrollable" className="max-h-[32rem] overflow-auto">
          <table className={tableClasses}>
            <caption className="sr-only">Scans, sessions and median cards per table</caption>
            <thead>
              <tr className="border-b-2 border-line">
                <th scope="col" className={headCellClasses}>
                  Table
                </th>
                <th scope="col" className={`${headCellClasses} text-right`}>
                  Scans
                </th>
                <th scope="col" className={`${headCellClasses} text-right`}>
                  Sessions
                </th>
                <th scope="col" className={`${headCellClasses} text-right`}>
                  Median cards
                </th>
              </tr>
            </thead>
            <tbody>
              {tables.map((table, index) => (
                <tr key={`${table.label}-${index}`} className="border-b border-line">
                  <th scope="row" className={`${cellClasses} font-normal`}>
                    {table.label === '' ? 'Walk-in code' : table.label}
                  </th>
                  <td className={numberCellClasses}>{formatCount(table.scans)}</td>
                  <td className={numberCellClasses}>{formatCount(table.sessions)}</td>
                  <td className={numberCellClasses}>{formatFigure(table.medianCards)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </Section>
  );
}
