import type { LiveStatus } from '@/lib/socket-client';

/**
 * A quiet note while the live channel is away, or while `message` has something to say about the connection
 * (playing on offline, phones that cannot reach each other). The status region is always in the page so screen
 * readers announce the change; it is empty (and takes no space) while there is nothing to say, and floats over
 * the page otherwise so nothing moves under a finger.
 */
export function ReconnectBanner({ status, message = null }: { status: LiveStatus; message?: string | null }) {
  const text = message ?? (status === 'reconnecting' ? 'Reconnecting…' : null);
  return (
    <div
      role="status"
      className={
        text
          ? 'pointer-events-none fixed inset-x-0 top-[max(0.5rem,env(safe-area-inset-top))] z-20 flex justify-center px-4'
          : 'sr-only'
      }
    >
      {text ? (
        <span className="flex max-w-md items-center gap-2 rounded-2xl bg-surface-muted px-4 py-1.5 text-base text-muted shadow-sm motion-safe:animate-fade-in">
          <span aria-hidden="true" className="size-2 shrink-0 rounded-full bg-accent motion-safe:animate-pulse" />
          {text}
        </span>
      ) : null}
    </div>
  );
}
