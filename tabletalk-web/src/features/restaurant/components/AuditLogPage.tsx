import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { ConsolePage } from '@/components/console/ConsolePage';
import { ProblemNotice } from '@/components/console/Notices';
import { ResourceView } from '@/components/console/ResourceView';
import { useConsoleAction, useConsoleResource } from '@/lib/console/hooks';
import { type AuditEntry, auditActorName, auditRestaurantName, listAuditEntries } from '../api/restaurant-api';

/** Details as "key: value" text; whatever their shape, they are never rendered as markup. */
export function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details !== 'object' || Array.isArray(details)) return JSON.stringify(details);
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
function formatTime(at: string): string {
  const time = Date.parse(at);
  return Number.isNaN(time) ? at : when.format(time);
}

function AuditTable({ first }: { first: AuditEntry[] }) {
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [exhausted, setExhausted] = useState(first.length === 0);
  const { run, pending, error } = useConsoleAction();
  const entries = [...first, ...older];

  async function loadOlder() {
    const last = entries.at(-1);
    if (!last) return;
    const result = await run(() => listAuditEntries(last.id));
    if (result.ok) {
      setOlder((shown) => [...shown, ...result.value]);
      if (result.value.length === 0) setExhausted(true);
    }
  }

  if (entries.length === 0)
    return <p className="rounded-2xl bg-surface-muted p-4">Nothing has happened in the console yet.</p>;
  return (
    <div className="flex flex-col gap-4">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-base">
          <caption className="sr-only">Console actions, newest first</caption>
          <thead>
            <tr className="border-b-2 border-line">
              <th scope="col" className="py-2 pr-4">
                When
              </th>
              <th scope="col" className="py-2 pr-4">
                Who
              </th>
              <th scope="col" className="py-2 pr-4">
                What
              </th>
              <th scope="col" className="py-2 pr-4">
                Restaurant
              </th>
              <th scope="col" className="py-2">
                Details
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={String(entry.id)} className="border-b border-line align-top">
                <td className="py-2 pr-4 whitespace-nowrap">
                  <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                </td>
                <td className="py-2 pr-4">{auditActorName(entry.actor)}</td>
                <td className="py-2 pr-4">{entry.action}</td>
                <td className="py-2 pr-4">{auditRestaurantName(entry.restaurant)}</td>
                <td className="py-2 break-words">{detailsText(entry.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ProblemNotice error={error} />
      {exhausted ? (
        <p className="text-muted" role="status">
          That is everything.
        </p>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => void loadOlder()} disabled={pending}>
            {pending ? 'Loading…' : 'Show older entries'}
          </Button>
        </div>
      )}
    </div>
  );
}

export function AuditLogPage() {
  const { state, reload } = useConsoleResource((signal) => listAuditEntries(undefined, signal), []);
  return (
    <ConsolePage title="Audit log">
      <ResourceView state={state} loadingLabel="Loading the audit log…" onRetry={reload}>
        {(entries) => <AuditTable first={entries} />}
      </ResourceView>
    </ConsolePage>
  );
}
