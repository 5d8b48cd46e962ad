import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/console/Field';
import { ProblemNotice } from '@/components/console/Notices';
import { useConsoleAction } from '@/lib/console/hooks';
import { addTables } from '../api/restaurant-api';

export const maxTablesAtOnce = 500;

/** "Add N tables" numbered after the highest number, or one table by its label. */
export function AddTablesForm({ slug, onAdded }: { slug: string; onAdded: (message: string) => void }) {
  const [count, setCount] = useState('');
  const [label, setLabel] = useState('');
  const bulk = useConsoleAction();
  const single = useConsoleAction();
  const wanted = Number(count);
  const countValid = Number.isInteger(wanted) && wanted >= 1 && wanted <= maxTablesAtOnce;

  async function addMany(event: FormEvent) {
    event.preventDefault();
    if (!countValid) return;
    const result = await bulk.run(() => addTables(slug, { count: wanted }));
    if (result.ok) {
      setCount('');
      onAdded(wanted === 1 ? 'Added 1 table.' : `Added ${wanted} tables.`);
    }
  }

  async function addOne(event: FormEvent) {
    event.preventDefault();
    const trimmed = label.trim();
    if (trimmed === '') return;
    const result = await single.run(() => addTables(slug, { labels: [trimmed] }));
    if (result.ok) {
      setLabel('');
      onAdded(`Added table ${trimmed}.`);
    }
  }

  return (
    <section aria-labelledby="add-tables" className="flex flex-col gap-4 rounded-2xl bg-surface p-5">
      <h2 id="add-tables" className="text-xl font-bold">
        Add tables
      </h2>
      <div className="grid gap-6 md:grid-cols-2">
        <form onSubmit={(event) => void addMany(event)} className="flex flex-col gap-3" noValidate>
          <Field
            label="Number of tables to add"
            hint={`Numbered after your highest table number; 1 to ${maxTablesAtOnce} at a time.`}
            type="number"
            inputMode="numeric"
            min={1}
            max={maxTablesAtOnce}
            problem={count !== '' && !countValid ? `Enter a whole number from 1 to ${maxTablesAtOnce}.` : null}
            value={count}
            onChange={(event) => setCount(event.target.value)}
          />
          <ProblemNotice error={bulk.error} />
          <div>
            <Button type="submit" disabled={bulk.pending || !countValid}>
              {bulk.pending ? 'Adding…' : 'Add tables'}
            </Button>
          </div>
        </form>
        <form onSubmit={(event) => void addOne(event)} className="flex flex-col gap-3" noValidate>
          <Field
            label="Table label"
            hint="For a table with a name, such as Patio 3."
            maxLength={64}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
          <ProblemNotice error={single.error} />
          <div>
            <Button type="submit" variant="secondary" disabled={single.pending || label.trim() === ''}>
              {single.pending ? 'Adding…' : 'Add table'}
            </Button>
          </div>
        </form>
      </div>
    </section>
  );
}
