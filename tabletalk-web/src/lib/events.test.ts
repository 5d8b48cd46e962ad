import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, withoutAges } from '@/test/fake-api';
import { ApiError } from './api-client';
import { createEventQueue, type EventBatch, trackEvent } from './events';
import { enterTable } from './visit';

describe('the event queue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function queueWith(post: (batch: EventBatch) => Promise<unknown> = () => Promise.resolve()) {
    const sent: EventBatch[] = [];
    const beaconed: string[] = [];
    const queue = createEventQueue({
      post: (batch) => {
        sent.push(withoutAges(batch) as EventBatch);
        return post(batch);
      },
      beacon: (body) => {
        beaconed.push(body);
        return true;
      },
      delayMs: 1000,
      retryDelayMs: 5000,
    });
    return { queue, sent, beaconed };
  }

  it('sends one batch a moment after the last event', async () => {
    const { queue, sent } = queueWith();
    queue.add('v1', { type: 'scan' });
    await vi.advanceTimersByTimeAsync(800);
    queue.add('v1', { type: 'welcome_viewed' });
    await vi.advanceTimersByTimeAsync(800);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(sent).toEqual([{ visit: 'v1', events: [{ type: 'scan' }, { type: 'welcome_viewed' }] }]);
  });

  it('says how long ago each event happened, so the service can place it before a later session', async () => {
    const sent: EventBatch[] = [];
    const queue = createEventQueue({
      post: (batch) => {
        sent.push(batch);
        return Promise.resolve();
      },
      beacon: () => true,
      delayMs: 1000,
    });
    queue.add('v1', { type: 'scan' });
    await vi.advanceTimersByTimeAsync(400);
    queue.add('v1', { type: 'mode_chosen', mode: 'single' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.flatMap((batch) => batch.events.map((event) => event.ageMs))).toEqual([1400, 1000]);
  });

  it('sends what is waiting at once when asked to settle, but waits no longer than the bound', async () => {
    let release: () => void = () => undefined;
    const { queue, sent } = queueWith(() => new Promise<void>((resolve) => (release = resolve)));
    queue.add('v1', { type: 'mode_chosen', mode: 'single' });
    let settled = false;
    void queue.settle(300).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    release();
  });

  it('settles as soon as the service has the events', async () => {
    const { queue, sent } = queueWith();
    queue.add('v1', { type: 'scan' });
    queue.add('v1', { type: 'mode_chosen', mode: 'dual' });
    let settled = false;
    void queue.settle(300).then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
    expect(sent).toHaveLength(1);
  });

  it('never puts more than 50 events in a batch, nor two visits', async () => {
    const { queue, sent } = queueWith();
    for (let i = 0; i < 120; i++) queue.add('v1', { type: 'mode_chosen', mode: 'single' });
    queue.add('v2', { type: 'scan' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent.map((batch) => [batch.visit, batch.events.length])).toEqual([
      ['v1', 50],
      ['v1', 50],
      ['v1', 20],
      ['v2', 1],
    ]);
  });

  it('does not throw when sending fails, tries a passing failure again later and gives up on a refusal', async () => {
    let answer: ApiError | null = new ApiError('unreachable', 'offline');
    const { queue, sent } = queueWith(() => (answer ? Promise.reject(answer) : Promise.resolve()));
    queue.add('v1', { type: 'scan' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(1);
    expect(queue.size()).toBe(1);
    answer = null;
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(2);
    expect(queue.size()).toBe(0);

    answer = new ApiError('invalid_request', 'no', { status: 400 });
    queue.add('v1', { type: 'welcome_viewed' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toHaveLength(3);
    expect(queue.size()).toBe(0);
  });

  it('hands what is waiting to the browser when the page goes, in batches of 50 at most', () => {
    // A slow network: the first full batch is still on its way when the page goes.
    const { queue, sent, beaconed } = queueWith(() => new Promise(() => undefined));
    for (let i = 0; i < 120; i++) queue.add('v1', { type: 'scan' });
    expect(sent.map((batch) => batch.events.length)).toEqual([50]);
    queue.flushWithBeacon();
    expect(beaconed.map((body) => (JSON.parse(body) as EventBatch).events.length)).toEqual([50, 20]);
    expect(queue.size()).toBe(0);
  });

  it('falls back to a request when the browser refuses the beacon', async () => {
    const sent: EventBatch[] = [];
    const queue = createEventQueue({
      post: (batch) => {
        sent.push(withoutAges(batch) as EventBatch);
        return Promise.reject(new ApiError('unreachable', 'offline'));
      },
      beacon: () => {
        throw new Error('no beacon here');
      },
    });
    queue.add('v1', { type: 'scan' });
    expect(() => queue.flushWithBeacon()).not.toThrow();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ visit: 'v1', events: [{ type: 'scan' }] }]);
  });
});

describe('trackEvent', () => {
  it('logs nothing without a visit', () => {
    const { events, fetchMock } = fakeApi({});
    trackEvent({ type: 'scan' });
    window.dispatchEvent(new Event('pagehide'));
    expect(events).toEqual([]);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the visit’s steps with sendBeacon as text when the page is hidden, with the registered table', () => {
    const { events, sendBeacon } = fakeApi({});
    const { visit } = enterTable({ restaurant: 'luigis', table: 'Patio 3' });
    trackEvent({ type: 'scan' });
    trackEvent({ type: 'relationship_length_chosen', length: '2_to_10_years' });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Reflect.deleteProperty(document, 'visibilityState');
    expect(sendBeacon).toHaveBeenCalledWith(expect.stringMatching(/\/api\/events$/), expect.any(String));
    expect(events).toEqual([
      {
        via: 'beacon',
        body: {
          visit: visit.id,
          events: [
            { type: 'scan', restaurant: 'luigis', table: 'Patio 3' },
            { type: 'relationship_length_chosen', length: '2_to_10_years', restaurant: 'luigis', table: 'Patio 3' },
          ],
        },
      },
    ]);
  });

  it('posts the steps a moment later, and a failing service changes nothing for the diner', async () => {
    const { events } = fakeApi({ 'POST /api/events': { status: 500 } });
    const { visit } = enterTable({ tableToken: 't7' });
    expect(() => trackEvent({ type: 'mode_chosen', mode: 'dual' })).not.toThrow();
    await vi.waitFor(() => expect(events).toHaveLength(1), { timeout: 3000 });
    expect(events[0]).toEqual({
      via: 'fetch',
      body: { visit: visit.id, events: [{ type: 'mode_chosen', mode: 'dual' }] },
    });
  });
});
