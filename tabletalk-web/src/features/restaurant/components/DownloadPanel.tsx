import { useId, useState } from 'react';
import { buttonClasses } from '@/components/ui/Button';
import {
  downloadUrls,
  type Paper,
  papers,
  type PerPage,
  perPageChoices,
  type RestaurantTable,
} from '../api/restaurant-api';
import { CardPreview } from './CardPreview';

const paperNames: Record<Paper, string> = { a4: 'A4', letter: 'US Letter' };

function Choice<T extends string | number>({
  legend,
  name,
  options,
  value,
  label,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly T[];
  value: T;
  label: (option: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((option) => (
          <label
            key={option}
            className="flex min-h-12 cursor-pointer items-center gap-2 rounded-xl border-2 border-line bg-surface px-3 has-checked:border-accent has-checked:bg-accent-soft"
          >
            <input
              type="radio"
              name={name}
              className="accent-accent"
              checked={value === option}
              onChange={() => onChange(option)}
            />
            {label(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface DownloadPanelProps {
  slug: string;
  restaurantName: string;
  tables: RestaurantTable[];
  /** Labels of the selected tables; none selected means every active table. */
  selected: ReadonlySet<string>;
}

export function DownloadPanel({ slug, restaurantName, tables, selected }: DownloadPanelProps) {
  const name = useId();
  const [paper, setPaper] = useState<Paper>('a4');
  const [perPage, setPerPage] = useState<PerPage>(4);
  const chosen = tables.filter((table) => selected.has(table.label));
  const urls = downloadUrls(
    slug,
    chosen.map((table) => table.label),
    { paper, perPage },
  );
  const previewTable = chosen[0] ?? tables.find((table) => table.active);
  const scope =
    chosen.length === 0
      ? 'All active tables.'
      : chosen.length === 1
        ? `The selected table (${chosen[0]?.label ?? ''}).`
        : `The ${chosen.length} selected tables.`;

  return (
    <section aria-labelledby="downloads" className="flex flex-col gap-4 rounded-2xl bg-surface p-5">
      <h2 id="downloads" className="text-xl font-bold">
        Table codes to print
      </h2>
      <p aria-live="polite">{scope} Select tables in the list to download only those.</p>
      <div className="grid gap-6 md:grid-cols-[1fr_auto]">
        <div className="flex flex-col gap-4">
          <Choice
            legend="Paper"
            name={`${name}-paper`}
            options={papers}
            value={paper}
            label={(option) => paperNames[option]}
            onChange={setPaper}
          />
          <Choice
            legend="Cards per page"
            name={`${name}-per-page`}
            options={perPageChoices}
            value={perPage}
            label={String}
            onChange={setPerPage}
          />
          <ul className="flex flex-wrap gap-3">
            <li>
              <a href={urls.pdf} download className={buttonClasses('primary')}>
                Download printable PDF
              </a>
            </li>
            <li>
              <a href={urls.csv} download className={buttonClasses('secondary')}>
                Download CSV
              </a>
            </li>
            <li>
              <a href={urls.zip} download className={buttonClasses('secondary')}>
                Download QR codes (ZIP of SVGs)
              </a>
            </li>
          </ul>
        </div>
        {previewTable ? (
          <CardPreview restaurantName={restaurantName} table={previewTable} paper={paper} perPage={perPage} />
        ) : null}
      </div>
    </section>
  );
}
