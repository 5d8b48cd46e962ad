import type { FunnelStep } from '../api/insight-api';
import { formatCount, formatShare, funnelLabel, funnelUnit, shareOf } from '../format';
import { Bar } from './Bar';
import { cellClasses, headCellClasses, numberCellClasses, Section, tableClasses, ScrollArea } from './Section';

/** Each step with how many got there and the share lost since the step before. */
export function FunnelTable({ funnel }: { funnel: FunnelStep[] }) {
  const widest = Math.max(1, ...funnel.map((step) => step.count));
  return (
    <Section
      title="From scan to the end of the evening"
      intro="Until the first card each step counts visits (one phone each); from the first card on it counts sessions."
    >
      <ScrollArea label="The funnel, scrollable" className="overflow-x-auto">
        <table className={tableClasses}>
          <caption className="sr-only">How many got to each step, and the drop-off from the step before</caption>
          <thead>
            <tr className="border-b-2 border-line">
              <th scope="col" className={headCellClasses}>
                Step
              </th>
              <th scope="col" className={`${headCellClasses} text-right`}>
                Count
              </th>
              <th scope="col" className={`${headCellClasses} text-right whitespace-nowrap`}>
                Drop-off
              </th>
              <th scope="col" className={`${headCellClasses} w-1/3`}>
                <span className="sr-only">Bar</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {funnel.map((step, index) => {
              const previous = index > 0 ? funnel[index - 1] : undefined;
              const dropOff = previous ? shareOf(previous.count - step.count, previous.count) : undefined;
              return (
                <tr key={step.step} className="border-b border-line">
                  <th scope="row" className={`${cellClasses} font-normal`}>
                    {funnelLabel(step.step)}
                  </th>
                  <td className={`${numberCellClasses} whitespace-nowrap`}>
                    {formatCount(step.count)} <span className="text-muted">{funnelUnit(step.step)}</span>
                  </td>
                  <td className={numberCellClasses}>
                    {/* Walk-in codes start sessions without a scan, so a step can count more than the one before. */}
                    {previous ? (dropOff !== undefined && dropOff < 0 ? 'none' : formatShare(dropOff)) : '—'}
                  </td>
                  <td className="py-2 align-middle">
                    <Bar share={step.count / widest} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollArea>
    </Section>
  );
}
