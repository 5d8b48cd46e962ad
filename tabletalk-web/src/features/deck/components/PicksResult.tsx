import type { PickOutcome } from '../choice-picks';
import { WhoBadge } from './ChoiceOptions';

export interface PicksResultProps {
  outcome: PickOutcome;
  /** One phone: both picks side by side (two phones mark them on the options instead). */
  sideBySide: boolean;
}

/** Both picks, once shown: "You matched!" with a small flourish when they agree, a friendly nudge when not. */
export function PicksResult({ outcome, sideBySide }: PicksResultProps) {
  const { mine, partner, matched } = outcome;
  if (!partner) return null;
  return (
    <div className="flex flex-col gap-3">
      {sideBySide ? (
        <dl className="flex flex-wrap gap-2">
          {(
            [
              ['you', mine.text],
              ['partner', partner.text],
            ] as const
          ).map(([who, text]) => (
            <div
              key={who}
              className="flex min-w-[min(100%,9rem)] flex-1 flex-col items-start gap-1 rounded-2xl border-2 border-line bg-surface-muted p-3"
            >
              <dt className="text-sm font-semibold">
                <WhoBadge who={who} />
              </dt>
              <dd className="text-lg">{text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {matched ? (
        <p className="flex flex-wrap items-center justify-center gap-x-2 rounded-2xl bg-accent-soft px-3 py-3 text-center text-lg font-bold motion-safe:animate-match motion-reduce:animate-fade-in">
          <span aria-hidden="true">🎉</span>
          You matched!
        </p>
      ) : (
        <p className="text-center text-base font-semibold">Different picks — tell each other why!</p>
      )}
    </div>
  );
}
