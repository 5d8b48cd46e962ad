import { type ReactNode, useEffect, useRef } from 'react';

export interface ConsolePageProps {
  title: string;
  /** Shown above the heading, e.g. the restaurant's name. */
  eyebrow?: ReactNode;
  /** Navigation within the page's subject (tabs), below the heading. */
  nav?: ReactNode;
  children: ReactNode;
}

/**
 * One console screen: its heading takes focus when the screen appears (screen readers announce
 * where the person landed, keyboard users start from there) and names the browser tab.
 */
export function ConsolePage({ title, eyebrow, nav, children }: ConsolePageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · Table-Talk console`;
    headingRef.current?.focus({ preventScroll: true });
  }, [title]);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        {eyebrow ? <p className="text-base text-muted">{eyebrow}</p> : null}
        <h1 ref={headingRef} tabIndex={-1} className="text-3xl leading-tight font-bold text-balance">
          {title}
        </h1>
      </div>
      {nav}
      {children}
    </div>
  );
}
