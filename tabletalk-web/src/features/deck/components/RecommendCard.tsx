import { useEffect, useId, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import type { RecommendAnswer } from '../api/feedback-api';

const scores = Array.from({ length: 11 }, (_, score) => score);

/** One card between two questions: how likely the diner is to recommend Table-Talk, 0 to 10, or skip. */
export function RecommendCard({ onAnswer }: { onAnswer: (answer: RecommendAnswer) => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const lowId = useId();
  const highId = useId();

  // The question replaces the button just tapped: bring focus (and a screen reader) to it.
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), []);

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-5 rounded-3xl bg-surface p-[min(1.5rem,6vw)] shadow-[0_2px_24px_rgb(0_0_0/0.08)] ring-1 ring-line motion-safe:animate-card-in"
    >
      <p className="text-sm font-semibold tracking-wider text-muted uppercase">A quick one for us</p>
      <h2
        id={headingId}
        ref={headingRef}
        tabIndex={-1}
        className="font-serif text-[clamp(1.375rem,0.75rem+4vw,1.75rem)] leading-snug text-balance"
      >
        How likely are you to recommend <span className="whitespace-nowrap">Table-Talk</span> to a friend?
      </h2>
      <div role="group" aria-labelledby={headingId} className="flex flex-col gap-2">
        <div className="grid grid-cols-11 gap-0.5 min-[400px]:gap-1 sm:gap-2">
          {scores.map((score) => (
            <button
              key={score}
              type="button"
              onClick={() => onAnswer({ score })}
              aria-describedby={score === 0 ? lowId : score === 10 ? highId : undefined}
              className="flex min-h-12 min-w-0 items-center justify-center rounded-lg border border-line bg-surface text-sm font-semibold whitespace-nowrap tabular-nums hover:border-accent min-[400px]:border-2 min-[400px]:text-base sm:text-lg"
            >
              {score}
            </button>
          ))}
        </div>
        <div className="flex justify-between text-sm text-muted">
          <span id={lowId}>Not likely</span>
          <span id={highId}>Very likely</span>
        </div>
      </div>
      <p className="text-base text-muted">Just for this phone, and it only takes a tap. Then back to your cards.</p>
      <Button variant="quiet" onClick={() => onAnswer({ skipped: true })} className="-mx-1 self-start">
        Skip
      </Button>
    </section>
  );
}
