import type { LiveStatus } from '@/lib/socket-client';

/**
 * A quiet note while the live channel is away. The status region is always in the page so screen
 * readers announce the change; it is empty (and takes no space) while connected, and floats over
 * the page while reconnecting so nothing moves under a finger.
 */
export function ReconnectBanner({ status }: { status: LiveStatus }) {
  const reconnecting = status === 'reconnecting';
  return (
    <div
      role="status"
      className={
        reconnecting
          ? 'pointer-events-none fixed inset-x-0 top-[max(0.5rem,env(safe-area-inset-top))] z-20 flex justify-center px-4'
          : 'sr-only'
      }
    >
      {reconnecting ? (
        <span className="flex items-center gap-2 rounded-full bg-surface-muted px-4 py-1.5 text-base text-muted shadow-sm motion-safe:animate-fade-in">
          <span aria-hidden="true" className="size-2 rounded-full bg-accent motion-safe:animate-pulse" />
          Reconnecting…
        </span>
      ) : null}
    </div>
  );
}
