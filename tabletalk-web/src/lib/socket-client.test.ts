import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from '@/test/fake-websocket';
import { aSession } from '@/test/fixtures';
import type { SessionState } from './messages';
import { createLiveClient, type LiveStatus, reconnectDelay } from './socket-client';

function setup(options: { random?: () => number } = {}) {
  const states: SessionState[] = [];
  const statuses: LiveStatus[] = [];
  const serverErrors: { error: string; message: string }[] = [];
  const disconnects: number[] = [];
  const client = createLiveClient({
    url: 'ws://localhost/api/sessions/s1/live',
    token: 'secret-token',
    random: options.random ?? (() => 0.5),
    createSocket: (url) => new FakeWebSocket(url),
    onState: (state) => states.push(state),
    onStatus: (status) => statuses.push(status),
    onServerError: (error) => serverErrors.push(error),
    onDisconnect: (code) => disconnects.push(code),
  });
  return { client, states, statuses, serverErrors, disconnects };
}

/** Opens the newest socket and answers its hello with a state. */
function connectWith(state: SessionState) {
  const socket = FakeWebSocket.latest();
  socket.open();
  socket.receive({ type: 'state', session: state });
  return socket;
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.reset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('live client', () => {
  it('says hello with the token first, then delivers the state', () => {
    const { client, states, statuses } = setup();
    client.start();
    const socket = FakeWebSocket.latest();
    expect(socket.url).toBe('ws://localhost/api/sessions/s1/live');
    expect(statuses).toEqual(['connecting']);

    socket.open();
    expect(socket.sent).toEqual([{ type: 'hello', token: 'secret-token' }]);

    socket.receive({ type: 'state', session: aSession({ version: 4 }) });
    expect(states.map((s) => s.version)).toEqual([4]);
    expect(statuses).toEqual(['connecting', 'live']);
  });

  it('delivers states in the order they arrive (the session store keeps older ones off the screen)', () => {
    const { client, states } = setup();
    client.start();
    const socket = connectWith(aSession({ version: 5 }));
    socket.receive({ type: 'state', session: aSession({ version: 4 }) });
    socket.receive({ type: 'state', session: aSession({ version: 7 }) });
    expect(states.map((s) => s.version)).toEqual([5, 4, 7]);
  });

  it('ignores messages that break the contract and keeps the socket', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, states } = setup();
    client.start();
    const socket = connectWith(aSession({ version: 1 }));
    socket.receive('not json');
    socket.receive({ type: 'state', session: { id: 'x' } });
    socket.receive({ type: 'surprise' });
    socket.receive({ type: 'state', session: aSession({ version: 2 }) });
    expect(states.map((s) => s.version)).toEqual([1, 2]);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('passes server errors on without closing', () => {
    const { client, serverErrors } = setup();
    client.start();
    const socket = connectWith(aSession());
    socket.receive({ type: 'error', error: 'invalid_request', message: 'Unknown type.' });
    expect(serverErrors).toEqual([{ error: 'invalid_request', message: 'Unknown type.' }]);
    expect(socket.closedWith).toBeNull();
  });

  it('reconnects after a drop with backoff, says hello again and resyncs from the first state', () => {
    const { client, states, statuses, disconnects } = setup({ random: () => 0 });
    client.start();
    connectWith(aSession({ version: 3 }));

    FakeWebSocket.latest().serverClose(1006);
    expect(disconnects).toEqual([1006]);
    expect(statuses.at(-1)).toBe('reconnecting');
    // random() = 0 gives the low end of the jitter: half of 500 ms.
    vi.advanceTimersByTime(249);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(2);

    const second = FakeWebSocket.latest();
    second.open();
    expect(second.sent).toEqual([{ type: 'hello', token: 'secret-token' }]);
    second.receive({ type: 'state', session: aSession({ version: 9, position: 4 }) });
    expect(states.map((s) => s.version)).toEqual([3, 9]);
    expect(statuses.at(-1)).toBe('live');
  });

  it('doubles the wait after each failed attempt, up to 15 s', () => {
    const { client } = setup({ random: () => 1 });
    client.start();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const before = FakeWebSocket.instances.length;
      FakeWebSocket.latest().serverClose(1006);
      let waited = 0;
      while (FakeWebSocket.instances.length === before) {
        vi.advanceTimersByTime(50);
        waited += 50;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000]);
  });

  it('waits the longest backoff when the service refuses a socket because the phone has too many (4429)', () => {
    const { client } = setup({ random: () => 1 });
    client.start();
    FakeWebSocket.latest().serverClose(4429);
    vi.advanceTimersByTime(14_999);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('starts the backoff over once a connection works again', () => {
    const { client } = setup({ random: () => 1 });
    client.start();
    FakeWebSocket.latest().serverClose(1006);
    vi.advanceTimersByTime(500);
    FakeWebSocket.latest().serverClose(1006);
    vi.advanceTimersByTime(1000);
    connectWith(aSession());
    FakeWebSocket.latest().serverClose(1006);
    vi.advanceTimersByTime(499);
    expect(FakeWebSocket.instances).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(4);
  });

  it('puts jitter on every wait', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(0, () => 1)).toBe(500);
    expect(reconnectDelay(3, () => 0.5)).toBe(3000);
    expect(reconnectDelay(20, () => 0)).toBe(7500);
  });

  it('reconnects when the server restarts (1001)', () => {
    const { client } = setup();
    client.start();
    connectWith(aSession());
    FakeWebSocket.latest().serverClose(1001);
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('stays closed after a normal close (the session is over)', () => {
    const { client, states, statuses } = setup();
    client.start();
    const socket = connectWith(aSession({ version: 3 }));
    socket.receive({ type: 'state', session: aSession({ version: 4, status: 'ended' }) });
    socket.serverClose(1000);
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(states.at(-1)?.status).toBe('ended');
    expect(statuses.at(-1)).toBe('closed');
  });

  it('pings every 25 s and keeps a socket that answers', () => {
    const { client } = setup();
    client.start();
    const socket = connectWith(aSession());
    vi.advanceTimersByTime(25_000);
    expect(socket.sent.at(-1)).toEqual({ type: 'ping' });
    socket.receive({ type: 'pong' });
    vi.advanceTimersByTime(25_000);
    expect(socket.sent.filter((m) => (m as { type: string }).type === 'ping')).toHaveLength(2);
    socket.receive({ type: 'pong' });
    expect(socket.closedWith).toBeNull();
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('drops a socket that stays silent after a ping and connects again', () => {
    const { client, statuses, disconnects } = setup();
    client.start();
    const socket = connectWith(aSession());
    vi.advanceTimersByTime(25_000 + 10_000);
    expect(socket.closedWith?.code).toBe(4000);
    expect(disconnects).toEqual([4000]);
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('gives up on a connection attempt that never answers', () => {
    const { client } = setup();
    client.start();
    FakeWebSocket.latest().open(); // hello sent, but no state ever comes
    vi.advanceTimersByTime(10_000);
    expect(FakeWebSocket.instances[0]?.closedWith?.code).toBe(4000);
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('reconnects at once when asked (phone woke up), skipping the wait', () => {
    const { client } = setup({ random: () => 1 });
    client.start();
    for (let i = 0; i < 4; i++) {
      FakeWebSocket.latest().serverClose(1006);
      vi.advanceTimersByTime(20_000);
    }
    FakeWebSocket.latest().serverClose(1006);
    const before = FakeWebSocket.instances.length;
    client.reconnectNow();
    expect(FakeWebSocket.instances).toHaveLength(before + 1);
    connectWith(aSession());
    // The pending backoff timer is gone: no second socket appears later.
    vi.advanceTimersByTime(20_000);
    expect(FakeWebSocket.instances).toHaveLength(before + 1);
  });

  it('lets go of the socket when the browser goes offline and tries nothing until it is back', () => {
    const { client, statuses, disconnects } = setup();
    client.start();
    const socket = connectWith(aSession());
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);

    client.drop();
    expect(socket.closedWith?.code).toBe(4000);
    expect(disconnects).toEqual([4000]);
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);

    onLine.mockReturnValue(true);
    client.reconnectNow();
    expect(FakeWebSocket.instances).toHaveLength(2);
    connectWith(aSession());
    expect(statuses.at(-1)).toBe('live');
  });

  it('does nothing on reconnectNow while connected', () => {
    const { client } = setup();
    client.start();
    connectWith(aSession());
    client.reconnectNow();
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('closes for good on stop, without reconnecting', () => {
    const { client, statuses } = setup();
    client.start();
    const socket = connectWith(aSession());
    client.stop();
    expect(socket.closedWith?.code).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(statuses.at(-1)).toBe('closed');
  });

  it('cancels a pending reconnect on stop', () => {
    const { client } = setup();
    client.start();
    FakeWebSocket.latest().serverClose(1006);
    client.stop();
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});
