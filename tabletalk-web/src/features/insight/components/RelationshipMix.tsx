import type { Insights } from '../api/insight-api';
import { formatCount, formatShare, relationshipLengthLabel, shareOf } from '../format';
import { Bar } from './Bar';
import { Section } from './Section';

export function RelationshipMix({ lengths }: { lengths: Insights['relationshipLengths'] }) {
  const total = lengths.reduce((sum, item) => sum + item.count, 0);
  return (
    <Section title="How long they’ve known each other" intro="As chosen by diners before their first card.">
      <ul className="flex flex-col gap-3">
        {lengths.map((item) => {
          const share = shareOf(item.count, total);
          return (
            <li key={item.length} className="flex flex-col gap-1">
              <div className="flex justify-between gap-3">
                <span>{relationshipLengthLabel(item.length)}</span>
                <span className="tabular-nums">
                  {formatCount(item.count)} <span className="text-muted">({formatShare(share)})</span>
                </span>
              </div>
              <Bar share={share} />
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
