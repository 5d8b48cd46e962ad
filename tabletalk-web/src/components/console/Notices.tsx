import type { ReactNode } from 'react';
import { problemMessage } from '@/lib/console/problems';

/** A failed request, said in plain words; announced as soon as it appears. */
export function ProblemNotice({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p role="alert" className="rounded-2xl bg-accent-soft p-4">
      {problemMessage(error)}
    </p>
  );
}

/**
 * A polite live region that is always in the page, so what lands in it later (a result, "saved") is
 * read out without moving focus.
 */
export function StatusLine({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className="text-ok">
      {children}
    </div>
  );
}
