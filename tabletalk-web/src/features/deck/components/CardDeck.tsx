import type { ReactNode } from 'react';
import { type CardSwipeOptions, useCardSwipe } from '../hooks/useSwipe';

/**
 * The current card lying on the rest of the deck (two card edges peeking out below it), and the hand
 * that moves it: the card follows a sideways drag and goes (or comes back) when let go. Keyed by card
 * where it is used, so a new card starts at rest. Every swipe has a button doing the same.
 */
export function CardDeck({ children, ...swipe }: CardSwipeOptions & { children: ReactNode }) {
  const { style, handlers } = useCardSwipe(swipe);
  return (
    // The clip reaches to the screen's edges, so a card on its way out never makes the page scroll sideways.
    <div className="-mx-[min(1.25rem,5vw)] overflow-x-clip px-[min(1.25rem,5vw)]">
      <div className="relative isolate pb-4">
        <div
          aria-hidden="true"
          className="absolute inset-x-5 top-6 bottom-0 -z-10 rounded-3xl bg-surface-muted ring-1 ring-line"
        />
        <div
          aria-hidden="true"
          className="absolute inset-x-2.5 top-3 bottom-2 -z-10 rounded-3xl bg-surface ring-1 ring-line"
        />
        <div className={swipe.enabled ? 'touch-pan-y' : undefined} style={style} {...handlers}>
          {children}
        </div>
      </div>
    </div>
  );
}
