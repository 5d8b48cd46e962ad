import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { ThemeToggle } from './ThemeToggle';

export interface ScreenProps {
  /** The screen's heading, also used for the document title. */
  title: string;
  /** Shown above the heading in small type, e.g. "Step 2 of 3". */
  eyebrow?: ReactNode;
  /** Hides the heading visually (it still names the screen for screen readers). */
  hideTitle?: boolean;
  /** Something to pin above the content (e.g. the reconnect banner). */
  banner?: ReactNode;
  children: ReactNode;
}

/**
 * One screen of the app: a single column sized for phones, the app name linking home, a heading that takes
 * focus when the screen appears so screen readers announce where the diner is, and the theme menu at its foot.
 */
export function Screen({ title, eyebrow, hideTitle = false, banner, children }: ScreenProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · Table-Talk`;
    headingRef.current?.focus({ preventScroll: true });
  }, [title]);

  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-[min(1.25rem,5vw)] pt-[max(1rem,env(safe-area-inset-top))] pb-[max(1.5rem,env(safe-area-inset-bottom))]">
      <header className="py-2">
        <Link to="/" className="rounded-lg py-2 text-base font-bold tracking-wide text-accent">
          Table-Talk
        </Link>
      </header>
      {banner}
      <main className="flex flex-1 flex-col gap-6 pt-4">
        <div className="flex flex-col gap-1">
          {eyebrow ? <p className="text-base text-muted">{eyebrow}</p> : null}
          <h1
            ref={headingRef}
            tabIndex={-1}
            className={
              hideTitle ? 'sr-only' : 'text-[clamp(1.5rem,1rem+4vw,1.875rem)] leading-tight font-bold text-balance'
            }
          >
            {title}
          </h1>
        </div>
        {children}
      </main>
      {/* At the foot of every screen, out of the way of the card and its pinned Next button at any text size. */}
      <footer className="flex justify-center pt-10">
        <ThemeToggle />
      </footer>
    </div>
  );
}
