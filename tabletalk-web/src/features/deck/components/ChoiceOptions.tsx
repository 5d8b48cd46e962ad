import type { ChoiceOption } from '@/lib/messages';

export interface ChoiceOptionsProps {
  options: ChoiceOption[];
  /** What this phone picked (known locally until everyone's answers are shown). */
  myChoice: string | null;
  /** Everyone's answers once all have answered, by participant id. */
  answers: Record<string, string> | null;
  me: string;
  dual: boolean;
  locked: boolean;
  onChoose: (optionId: string) => void;
}

/** The options of a "this or that" card; answers show together once everyone has picked. */
export function ChoiceOptions({ options, myChoice, answers, me, dual, locked, onChoose }: ChoiceOptionsProps) {
  const mine = answers?.[me] ?? myChoice;
  const partnerChoices = answers
    ? Object.entries(answers)
        .filter(([participant]) => participant !== me)
        .map(([, optionId]) => optionId)
    : [];

  return (
    <ul className="flex flex-col gap-2" aria-label="Options">
      {options.map((option) => {
        const chosen = mine === option.id;
        const partnerChose = partnerChoices.includes(option.id);
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
              <span className="flex shrink-0 gap-1 text-sm font-semibold">
                {chosen && (answers || !dual) ? <Badge>{dual ? 'You' : 'Your pick'}</Badge> : null}
                {partnerChose ? <Badge>Partner</Badge> : null}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function Badge({ children }: { children: string }) {
  return <span className="rounded-full bg-accent px-2 py-0.5 text-accent-ink">{children}</span>;
}
