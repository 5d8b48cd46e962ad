import type { LiveStatus } from '@/lib/socket-client';

/**
 * A quiet note while the live channel is away. The status region is always in the page so screen
 * readers announce the change; it is empty (and takes no space) while connected.
 */
export function ReconnectBanner({ status }: { status: LiveStatus }) {
  const reconnecting = status === 'reconnecting';
  return (
    <div role="status" className={reconnecting ? 'sticky top-2 z-10 flex justify-center' : 'sr-only'}>
      {reconnecting ? (
        <span className="flex items-center gap-2 rounded-full bg-surface-muted px-4 py-1.5 text-base text-muted shadow-sm motion-safe:animate-fade-in">
          <span aria-hidden="true" className="size-2 rounded-full bg-accent motion-safe:animate-pulse" />
          Reconnecting…
        </span>
      ) : null}
    </div>
  );
}
