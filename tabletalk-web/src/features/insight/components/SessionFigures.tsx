import type { Insights } from '../api/insight-api';
import { formatCount, formatFigure, formatShare, shareOf } from '../format';
import { Section } from './Section';

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="flex flex-col gap-1 rounded-xl bg-surface-muted p-4">
      <dt className="text-base text-muted">{label}</dt>
      <dd className="text-3xl font-bold tabular-nums">{value}</dd>
      {note ? <dd className="text-base text-muted">{note}</dd> : null}
    </div>
  );
}

export function SessionFigures({ sessions }: { sessions: Insights['sessions'] }) {
  const { twoPhone } = sessions;
  return (
    <Section title="Sessions">
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Figure label="Sessions" value={formatCount(sessions.count)} />
        <Figure
          label="Median length"
          value={sessions.medianMinutes === undefined ? '—' : `${formatFigure(sessions.medianMinutes)} min`}
        />
        <Figure label="Median cards" value={formatFigure(sessions.medianCards)} />
        <Figure
          label="Second phone joined"
          value={formatShare(shareOf(twoPhone.joined, twoPhone.sessions))}
          note={`${formatCount(twoPhone.joined)} of ${formatCount(twoPhone.sessions)} two-phone sessions`}
        />
      </dl>
    </Section>
  );
}
