import type { Insights } from '../api/insight-api';
import { formatCount } from '../format';
import { Section } from './Section';

const scores = Array.from({ length: 11 }, (_, score) => score);

function scoreText(score: number | undefined): string {
  if (score === undefined) return '—';
  const rounded = Math.round(score);
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

/** Fans (9–10), the content (7–8) and critics (0–6) in three tones, so the groups read at a glance. */
const barTone = (score: number) => (score >= 9 ? 'bg-ok' : score >= 7 ? 'bg-muted' : 'bg-accent');

export function RecommendPanel({ recommend }: { recommend: Insights['recommend'] }) {
  const most = Math.max(1, ...recommend.distribution);
  return (
    <Section
      title="Would they recommend us?"
      intro="Diners may answer how likely they are to recommend the restaurant, from 0 to 10. The NPS (Net Promoter Score) is the share who answered 9 or 10 minus the share who answered 0 to 6. It runs from −100 (nobody would) to +100 (everyone would); above 0, fans outnumber critics."
    >
      <dl className="flex flex-wrap gap-6">
        <div>
          <dt className="text-base text-muted">NPS</dt>
          <dd className="text-3xl font-bold tabular-nums">{scoreText(recommend.score)}</dd>
        </div>
        <div>
          <dt className="text-base text-muted">Answers</dt>
          <dd className="text-3xl font-bold tabular-nums">{formatCount(recommend.count)}</dd>
        </div>
      </dl>
      <ol aria-label="Answers by score" className="grid grid-cols-11 gap-1">
        {scores.map((score) => {
          const value = recommend.distribution[score] ?? 0;
          const height = value > 0 ? Math.max(4, Math.round((value / most) * 100)) : 0;
          return (
            <li key={score} className="flex flex-col items-center gap-1 text-sm tabular-nums">
              <div aria-hidden="true" className="flex h-24 w-full items-end">
                <div className={`w-full rounded-t-sm ${barTone(score)}`} style={{ height: `${height}%` }} />
              </div>
              <span aria-hidden="true" className="font-semibold">
                {score}
              </span>
              <span aria-hidden="true" className="text-muted">
                {formatCount(value)}
              </span>
              <span className="sr-only">{`Score ${score}: ${formatCount(value)}`}</span>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
