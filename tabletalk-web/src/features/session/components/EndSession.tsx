import { useState } from 'react';
import { Button } from '@/components/ui/Button';

/** Ending is for everyone at the table, so it asks once. */
export function EndSession({ onEnd, busy, dual }: { onEnd: () => void; busy: boolean; dual: boolean }) {
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <Button variant="quiet" onClick={() => setConfirming(true)} className="self-center">
        End session
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-labelledby="end-session-question"
      className="flex flex-col gap-3 rounded-2xl bg-surface-muted p-4"
    >
      <p id="end-session-question" className="font-semibold">
        {dual ? 'End the session on both phones?' : 'End the session?'}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={onEnd} disabled={busy} className="flex-1">
          End
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} className="flex-1" autoFocus>
          Keep talking
        </Button>
      </div>
    </div>
  );
}
