import { type ReactNode, useId } from 'react';

/** One block of the dashboard: a heading, an optional plain-words explanation, the figures. */
export function Section({
  title,
  intro,
  children,
  className = '',
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`flex min-w-0 flex-col gap-3 rounded-2xl bg-surface p-5 ${className}`}>
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      {intro ? <p className="text-base text-muted">{intro}</p> : null}
      {children}
    </section>
  );
}

export const tableClasses = 'w-full border-collapse text-left text-base';
export const headCellClasses = 'py-2 pr-4 font-semibold';
export const cellClasses = 'py-2 pr-4 align-top';
export const numberCellClasses = 'py-2 pr-4 text-right tabular-nums align-top';

/**
 * A block that scrolls on its own (a wide or long table). It takes keyboard focus, so that it can be scrolled
 * without a mouse, and is named for screen readers.
 */
export function ScrollArea({ label, className, children }: { label: string; className: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`${className} rounded-lg focus-visible:outline-2`}>
      {children}
    </div>
  );
}
