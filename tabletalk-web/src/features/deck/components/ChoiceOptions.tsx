import type { ChoiceOption } from '@/lib/messages';

export interface ChoiceOptionsProps {
  options: ChoiceOption[];
  /** The option the person holding the phone has tapped (known locally until the picks are shown). */
  picked: string | null;
  /** Everyone's picks once they are shown, by participant id. */
  answers: Record<string, string> | null;
  me: string;
  locked: boolean;
  onChoose: (optionId: string) => void;
}

/** The options of a "this or that" card; once the picks are shown, "You" and "Partner" mark whose is whose. */
export function ChoiceOptions({ options, picked, answers, me, locked, onChoose }: ChoiceOptionsProps) {
  const mine = answers?.[me] ?? picked;
  const partnerChoices = answers
    ? Object.entries(answers)
        .filter(([participant]) => participant !== me)
        .map(([, optionId]) => optionId)
    : [];

  return (
    <ul className="flex flex-col gap-2" aria-label="Options">
      {options.map((option) => {
        const chosen = mine === option.id;
        return (
          <li key={option.id}>
            <button
              type="button"
              aria-pressed={chosen}
              disabled={locked}
              onClick={() => onChoose(option.id)}
              className="flex min-h-12 w-full flex-wrap items-center justify-between gap-x-3 gap-y-1 rounded-2xl border-2 border-line bg-surface px-4 py-3 text-left text-lg aria-pressed:border-accent aria-pressed:bg-accent-soft disabled:cursor-default"
            >
              <span className="min-w-0">{option.text}</span>
              <span className="flex shrink-0 flex-wrap gap-1 text-sm font-semibold">
                {answers && chosen ? <WhoBadge who="you" /> : null}
                {partnerChoices.includes(option.id) ? <WhoBadge who="partner" /> : null}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** Told apart by their words and their shape (filled or dashed outline), not by colour alone. */
export function WhoBadge({ who }: { who: 'you' | 'partner' }) {
  return who === 'you' ? (
    <span className="rounded-full border-2 border-accent bg-accent px-2 py-0.5 text-accent-ink">You</span>
  ) : (
    <span className="rounded-full border-2 border-dashed border-ink bg-surface px-2 py-0.5 text-ink">Partner</span>
  );
}
