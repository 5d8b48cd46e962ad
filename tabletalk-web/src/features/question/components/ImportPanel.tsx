import { type FormEvent, useId, useState } from 'react';
import { ProblemNotice, StatusLine } from '@/components/console/Notices';
import { Button } from '@/components/ui/Button';
import { useConsoleAction } from '@/lib/console/hooks';
import { type ImportReport, importQuestions } from '../api/question-api';

/** The service takes files up to 1 MiB; a bigger one is refused here without sending it. */
const maxFileBytes = 1024 * 1024;

const actionWords = {
  add: 'add',
  change: 'change',
  retire: 'retire',
  restore: 'restore',
  unchanged: 'unchanged',
  reject: 'rejected',
} as const;

/** "3 to add, 1 to change, 1 rejected": what a check found, non-zero counts only. */
export function summaryText(summary: ImportReport['summary'], applied: boolean): string {
  const parts = applied
    ? [
        [summary.added, 'added'],
        [summary.changed, 'changed'],
        [summary.retired, 'retired'],
        [summary.restored, 'restored'],
        [summary.unchanged, 'unchanged'],
        [summary.rejected, 'left out'],
      ]
    : [
        [summary.added, 'to add'],
        [summary.changed, 'to change'],
        [summary.retired, 'to retire'],
        [summary.restored, 'to restore'],
        [summary.unchanged, 'unchanged'],
        [summary.rejected, 'rejected'],
      ];
  const text = parts
    .filter(([count]) => Number(count) > 0)
    .map(([count, words]) => `${count} ${words}`)
    .join(', ');
  return text || 'The file holds no question.';
}

const headCell = 'border-b-2 border-line px-2 py-1 text-left';
const cell = 'border-b border-line px-2 py-1 align-top';

function ReportTable({ report }: { report: ImportReport }) {
  return (
    <div className="overflow-x-auto rounded-2xl border-2 border-line bg-surface">
      <table className="w-full border-collapse text-base">
        <caption className="sr-only">The file, row by row</caption>
        <thead>
          <tr>
            <th scope="col" className={headCell}>
              Line
            </th>
            <th scope="col" className={headCell}>
              Id
            </th>
            <th scope="col" className={headCell}>
              Action
            </th>
            <th scope="col" className={headCell}>
              Reason
            </th>
            <th scope="col" className={headCell}>
              Changed fields
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.line} className={row.action === 'reject' ? 'bg-accent-soft' : ''}>
              <td className={`${cell} tabular-nums`}>{row.line}</td>
              <td className={`${cell} tabular-nums`}>{row.id ?? 'new'}</td>
              <td className={cell}>{actionWords[row.action]}</td>
              <td className={cell}>{row.reason ?? ''}</td>
              <td className={cell}>{row.fields?.join(', ') ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** How many rows applying the file would change. */
function changeCount(summary: ImportReport['summary']): number {
  return summary.added + summary.changed + summary.retired + summary.restored;
}

/**
 * Import in two steps: the file is checked first (nothing changes) and its report shown row by row; applying it
 * then makes every change the check accepted, together or not at all, and leaves the rejected rows out.
 */
export function ImportPanel({ onApplied }: { onApplied: () => void }) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const [checked, setChecked] = useState<{ csv: string; report: ImportReport } | null>(null);
  const [applied, setApplied] = useState<ImportReport | null>(null);
  const { run, pending, error, clearError } = useConsoleAction();

  function choose(chosen: File | null) {
    setFile(chosen);
    setTooBig(chosen !== null && chosen.size > maxFileBytes);
    setChecked(null);
    setApplied(null);
    clearError();
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    if (!file || tooBig) return;
    setApplied(null);
    setChecked(null);
    const csv = await file.text();
    const result = await run(() => importQuestions(csv, true));
    if (result.ok) setChecked({ csv, report: result.value });
  }

  async function apply() {
    if (!checked) return;
    const result = await run(() => importQuestions(checked.csv, false));
    if (result.ok) {
      setApplied(result.value);
      setChecked(null);
      onApplied();
    }
  }

  const rejected = checked !== null && checked.report.summary.rejected > 0;
  const changes = checked === null ? 0 : changeCount(checked.report.summary);
  return (
    <section aria-labelledby={`${inputId}-heading`} className="flex flex-col gap-4 rounded-2xl bg-surface p-5">
      <h2 id={`${inputId}-heading`} className="text-xl font-bold">
        Import questions
      </h2>
      <p className="text-base text-muted">
        A CSV file with the columns of the download (id, context, active, difficulty, category, type, text, hint,
        option_a to option_d). An empty id adds a question. The file is checked first; nothing changes until you apply
        it.
      </p>
      <form onSubmit={(event) => void check(event)} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="font-semibold">
            CSV file
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => choose(event.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={pending || !file || tooBig}>
          Check file
        </Button>
      </form>
      {tooBig ? <p className="text-base text-accent">This file is over 1 MB; split it into smaller files.</p> : null}
      <ProblemNotice error={error} />
      {checked ? (
        <div className="flex flex-col gap-3">
          <p className="font-semibold">{summaryText(checked.report.summary, false)}</p>
          <ReportTable report={checked.report} />
          {rejected ? (
            <p className="rounded-2xl bg-surface-muted p-4">
              Rejected rows are left out when you apply the file; correct them and import them again later.
            </p>
          ) : null}
          {changes === 0 ? <p>Nothing in this file would change the library.</p> : null}
          <div>
            <Button disabled={pending || changes === 0} onClick={() => void apply()}>
              Apply these changes
            </Button>
          </div>
        </div>
      ) : null}
      <StatusLine>{applied ? `Applied: ${summaryText(applied.summary, true)}.` : ''}</StatusLine>
      {applied ? <ReportTable report={applied} /> : null}
    </section>
  );
}
