// The steps a diner takes before a session exists, logged for the restaurant's dashboard. Mirrors the
// service's closed list of phone-sent events (POST /api/events). Events wait in a queue and go in batches a
// moment after the last one; when the page is hidden or closed, what is left goes with sendBeacon. Sending
// never blocks the diner and a failure is never shown: at worst a step goes unlogged.
import { apiRequest, ignoreBody, isApiError, isRetryable } from './api-client';
import { apiUrl } from './env';
import type { ContextId, Mode, RelationshipLength } from './messages';
import { currentVisit } from './visit';

export type VisitEvent =
  | { type: 'scan' }
  | { type: 'welcome_viewed' }
  | { type: 'relationship_length_chosen'; length: RelationshipLength }
  | { type: 'context_chosen'; context: ContextId }
  | { type: 'mode_chosen'; mode: Mode };

/**
 * An event as sent: a registered table's restaurant and table, or neither, and how long ago it happened, so that
 * a step sent a moment later still comes before the session it led to (the service stamps the time).
 */
export type WireEvent = VisitEvent & { restaurant?: string; table?: string; ageMs?: number };

export interface EventBatch {
  visit: string;
  events: WireEvent[];
}

/** The service takes at most this many events in one request. */
export const maxBatchSize = 50;
/** Beyond this many waiting (offline for long), the oldest are dropped. */
const maxQueued = 200;
const maxTries = 3;

interface Queued {
  visit: string;
  event: WireEvent;
  tries: number;
  /** When it happened (Date.now()). */
  at: number;
}

export interface EventQueueOptions {
  /** Sends one batch; rejects with an ApiError when it did not get through. */
  post: (batch: EventBatch) => Promise<unknown>;
  /** Hands one batch (JSON text) to the browser to send after the page is gone; false if it refused. */
  beacon: (body: string) => boolean;
  /** The quiet moment after the last event before a batch goes. */
  delayMs?: number;
  /** The pause before trying again after a failure that may pass. */
  retryDelayMs?: number;
}

export function createEventQueue({ post, beacon, delayMs = 1500, retryDelayMs = 10_000 }: EventQueueOptions) {
  let queue: Queued[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  function schedule(ms: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), ms);
  }

  /** The oldest events of one visit, at most a batch. */
  function takeBatch(): Queued[] {
    const visit = queue[0]?.visit;
    let size = 0;
    while (size < queue.length && size < maxBatchSize && queue[size]?.visit === visit) size++;
    const batch = queue.slice(0, size);
    queue = queue.slice(size);
    return batch;
  }

  const bodyOf = (items: Queued[]): EventBatch => {
    const now = Date.now();
    return {
      visit: items[0]?.visit ?? '',
      events: items.map((item) => ({ ...item.event, ageMs: Math.max(0, Math.round(now - item.at)) })),
    };
  };

  function add(visit: string, event: WireEvent): void {
    queue.push({ visit, event, tries: 0, at: Date.now() });
    if (queue.length > maxQueued) queue = queue.slice(queue.length - maxQueued);
    if (queue.length >= maxBatchSize) void flush();
    else schedule(delayMs);
  }

  /** Sends everything waiting, batch by batch; a failure that may pass keeps the batch for a later try. */
  async function send(): Promise<void> {
    while (queue.length > 0) {
      const batch = takeBatch();
      try {
        await post(bodyOf(batch));
      } catch (error) {
        if (!isRetryable(error)) continue; // refused as it is: sending it again would not help
        const kept = batch.map((item) => ({ ...item, tries: item.tries + 1 })).filter((item) => item.tries < maxTries);
        queue = [...kept, ...queue];
        const retryAfterMs = isApiError(error) ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
        schedule(Math.min(Math.max(retryDelayMs, retryAfterMs), 5 * 60_000));
        return;
      }
    }
  }

  /** Sends what is waiting now; while a send is under way, what came since goes right after it. */
  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (running) return running.then(() => (queue.length > 0 && timer === undefined ? flush() : undefined));
    running = send().finally(() => {
      running = undefined;
    });
    return running;
  }

  /**
   * Sends what is waiting and resolves once it is through, or after {@link withinMs} at the latest: a step
   * logged just before a session is created reaches the service first, and a slow network costs the diner at
   * most that moment.
   */
  function settle(withinMs: number): Promise<void> {
    return Promise.race([flush(), new Promise<void>((resolve) => setTimeout(resolve, withinMs))]);
  }

  /** The page is going away: hand what is waiting to the browser, which sends it even after the page is gone. */
  function flushWithBeacon(): void {
    clearTimeout(timer);
    timer = undefined;
    while (queue.length > 0) {
      const batch = bodyOf(takeBatch());
      let handedOver = false;
      try {
        handedOver = beacon(JSON.stringify(batch));
      } catch {
        handedOver = false;
      }
      if (!handedOver) {
        // The browser refused (too large, or no sendBeacon): an ordinary request may still make it.
        Promise.resolve()
          .then(() => post(batch))
          .catch(() => undefined);
      }
    }
  }

  function discard(): void {
    clearTimeout(timer);
    timer = undefined;
    queue = [];
  }

  return { add, flush, settle, flushWithBeacon, discard, size: () => queue.length };
}

export type EventQueue = ReturnType<typeof createEventQueue>;

const eventsPath = '/events';

const queue = createEventQueue({
  post: (batch) => apiRequest(eventsPath, { method: 'POST', body: batch, parse: ignoreBody }),
  // A string body goes as text/plain, which needs no preflight; the service reads it as JSON.
  beacon: (body) =>
    typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(apiUrl(eventsPath).toString(), body),
});

let listening = false;

function listenForPageHide(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('pagehide', queue.flushWithBeacon);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') queue.flushWithBeacon();
  });
}

/** Logs a step of the tab's current visit (nothing when there is none), with its registered table if any. */
export function trackEvent(event: VisitEvent): void {
  try {
    const visit = currentVisit();
    if (!visit) return;
    const place = visit.restaurant && visit.table ? { restaurant: visit.restaurant, table: visit.table } : {};
    listenForPageHide();
    queue.add(visit.id, { ...event, ...place });
  } catch {
    // Logging never gets in the diner's way.
  }
}

/**
 * Sends the visit's waiting steps before something the service logs itself (a new session), waiting at most
 * a moment for them.
 */
export function sendWaitingEvents(withinMs = 300): Promise<void> {
  return queue.settle(withinMs).catch(() => undefined);
}

/** Drops whatever is waiting (tests start from a fresh page). */
export function discardQueuedEvents(): void {
  queue.discard();
}
