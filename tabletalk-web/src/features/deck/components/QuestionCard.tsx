import type { HTMLAttributes, ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import type { Card } from '@/lib/messages';

const difficultyLabels: Record<Card['difficulty'], string> = { easy: 'Easy', medium: 'Medium', deep: 'Deep' };

export interface QuestionCardProps extends HTMLAttributes<HTMLElement> {
  card: Card;
  revealed: boolean;
  onShowHint?: (() => void) | undefined;
  hintBusy?: boolean;
  /** The options of a choice card. */
  children?: ReactNode;
}

/** One question: category and difficulty, the question, the options (choice cards) and the hint. */
export function QuestionCard({
  card,
  revealed,
  onShowHint,
  hintBusy = false,
  children,
  className = '',
  ...rest
}: QuestionCardProps) {
  const hint = revealed && card.hint ? card.hint : null;
  return (
    <article
      aria-labelledby="question-text"
      className={`flex flex-col gap-5 rounded-3xl bg-surface p-[min(1.5rem,6vw)] shadow-[0_2px_24px_rgb(0_0_0/0.08)] ring-1 ring-line motion-safe:animate-card-in ${className}`}
      {...rest}
    >
      <p className="flex flex-wrap gap-x-2 text-sm font-semibold tracking-wider text-muted uppercase">
        <span>{card.category}</span>
        <span aria-hidden="true">·</span>
        <span>{difficultyLabels[card.difficulty]}</span>
      </p>
      <h2
        id="question-text"
        tabIndex={-1}
        className="font-serif text-[clamp(1.375rem,0.75rem+4vw,1.75rem)] leading-snug text-balance"
      >
        {card.text}
      </h2>
      {children}
      {hint ? (
        <aside aria-label="Hint" className="rounded-2xl bg-accent-soft p-4 motion-safe:animate-fade-in">
          <p>{hint}</p>
        </aside>
      ) : onShowHint && !revealed ? (
        <Button variant="quiet" onClick={onShowHint} disabled={hintBusy} className="-mx-1 self-start">
          Show hint
        </Button>
      ) : null}
    </article>
  );
}
