import { useEffect, useState } from 'react';
import { Button } from './Button';

export interface RetryPanelProps {
  /** Consecutive failures so far (1 for the first); the wait grows with it. */
  failures: number;
  /** At least this long before the automatic retry (e.g. from Retry-After). */
  minDelaySeconds?: number | undefined;
  onRetry: () => void;
  message?: string;
}

/** Waits 3, 6, 12… s (at most 60), showing the countdown, then retries; "Try again now" skips the wait. */
export function retryDelaySeconds(failures: number, minDelaySeconds = 0): number {
  return Math.max(minDelaySeconds, Math.min(60, 3 * 2 ** Math.max(0, failures - 1)));
}

export function RetryPanel({ failures, minDelaySeconds, onRetry, message }: RetryPanelProps) {
  const [secondsLeft, setSecondsLeft] = useState(() => retryDelaySeconds(failures, minDelaySeconds));

  useEffect(() => {
    setSecondsLeft(retryDelaySeconds(failures, minDelaySeconds));
  }, [failures, minDelaySeconds]);

  useEffect(() => {
    if (secondsLeft <= 0) {
      onRetry();
      return;
    }
    const timer = setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft, onRetry]);

  return (
    <div className="flex flex-col gap-4">
      <p>{message ?? 'Your phone may be offline, or the service is busy for a moment.'}</p>
      <p role="status" className="text-muted">
        {secondsLeft > 0 ? `Trying again in ${secondsLeft} s…` : 'Trying again…'}
      </p>
      <Button onClick={onRetry} block>
        Try again now
      </Button>
    </div>
  );
}
