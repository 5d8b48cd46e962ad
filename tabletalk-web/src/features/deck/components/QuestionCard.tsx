import { type AnimationEvent, type HTMLAttributes, type ReactNode, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import type { Card } from '@/lib/messages';
import type { CardSwipeOptions } from '../hooks/useSwipe';
import { CardDeck } from './CardDeck';

export interface QuestionCardProps extends HTMLAttributes<HTMLElement> {
  card: Card;
  revealed: boolean;
  onShowHint?: (() => void) | undefined;
  hintBusy?: boolean;
  /** One line under "Show hint" on what it does (two phones: that it opens on both). */
  hintNote?: string | undefined;
  /** Lays the card on the deck and lets it be swiped away (see CardDeck). */
  swipe?: CardSwipeOptions | undefined;
  /** The options of a choice card. */
  children?: ReactNode;
}

/** One question: the question, the options (choice cards) and the hint, which unfolds below it. */
export function QuestionCard({
  card,
  revealed,
  onShowHint,
  hintBusy = false,
  hintNote,
  swipe,
  children,
  className = '',
  ...rest
}: QuestionCardProps) {
  const hint = revealed && card.hint ? card.hint : null;
  // A hint that was open when the card appeared (after a reload) is just there; one opened now unfolds.
  const hintOpenAtStart = useRef(revealed);

  const article = (
    <article
      aria-labelledby="question-text"
      className={`flex flex-col gap-5 rounded-3xl bg-surface p-[min(1.5rem,6vw)] shadow-[0_2px_24px_rgb(0_0_0/0.08)] ring-1 ring-line motion-safe:animate-card-in motion-reduce:animate-fade-in ${className}`}
      {...rest}
    >
      <h2
        id="question-text"
        tabIndex={-1}
        className="font-serif text-[clamp(1.375rem,0.75rem+4vw,1.75rem)] leading-snug text-balance"
      >
        {card.text}
      </h2>
      {children}
      {hint ? (
        <div
          className={hintOpenAtStart.current ? 'grid' : 'grid motion-safe:animate-unfold motion-reduce:animate-fade-in'}
          onAnimationEnd={bringIntoView}
        >
          <div className="min-h-0 overflow-hidden">
            <aside
              aria-label="Hint"
              className={`origin-top rounded-2xl bg-accent-soft p-4 ${hintOpenAtStart.current ? '' : 'motion-safe:animate-fold-down'}`}
            >
              <p>{hint}</p>
            </aside>
          </div>
        </div>
      ) : onShowHint && !revealed ? (
        <div className="flex flex-col items-start gap-1">
          <Button
            variant="quiet"
            onClick={onShowHint}
            disabled={hintBusy}
            aria-describedby={hintNote ? 'hint-note' : undefined}
            className="-mx-1"
          >
            Show hint
          </Button>
          {hintNote ? (
            <p id="hint-note" className="text-base text-muted">
              {hintNote}
            </p>
          ) : null}
        </div>
      ) : null}
    </article>
  );
  return swipe ? <CardDeck {...swipe}>{article}</CardDeck> : article;
}

/** Once unfolded, the hint is scrolled up into view if it opened below the fold (small phones, large text). */
function bringIntoView(event: AnimationEvent<HTMLElement>) {
  if (event.target !== event.currentTarget) return;
  event.currentTarget.scrollIntoView?.({ block: 'nearest' });
}
