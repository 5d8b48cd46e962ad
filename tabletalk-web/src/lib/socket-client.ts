// The live channel of one session: receives states and presence, keeps itself connected.
//
// - Says hello with the participant token on every (re)connect; the first state after it is the whole
//   truth (no replay: the state is small and complete).
// - Reconnects with exponential backoff and jitter, except after a normal close (1000), which the
//   server sends once the session has ended or expired; after a refusal for too many sockets of one
//   phone (4429, other tabs are open) it waits the longest backoff straight away.
// - Pings every ~25 s so idle timeouts of proxies do not cut a quiet table, and treats a socket that
//   stays silent after a ping (or after connecting) as dead: phones that slept keep half-open sockets.
// - Tries no connection while the browser says it is offline; `drop` lets go of the socket when it says so.
import { type ClientMessage, parseServerMessage, type SessionState } from './messages';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

/** The part of the browser WebSocket the client uses, so tests can pass a fake. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface LiveClientOptions {
  url: string;
  token: string;
  /** Every state heard, in order of arrival; whoever shows them keeps older ones off the screen. */
  onState: (state: SessionState) => void;
  onStatus?: (status: LiveStatus) => void;
  /** `{"type":"error"}` from the server; the socket stays open. */
  onServerError?: (error: { error: string; message: string }) => void;
  /** Every close, with its code, before any reconnect is scheduled. */
  onDisconnect?: (code: number) => void;
  createSocket?: (url: string) => WebSocketLike;
  random?: () => number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  pingIntervalMs?: number;
  /** How long a socket may stay silent after a ping, or after connecting, before it counts as dead. */
  silenceTimeoutMs?: number;
}

export interface LiveClient {
  start(): void;
  /** Closes for good (leaving the screen); no reconnect follows. */
  stop(): void;
  /** Skips the backoff wait, e.g. when the phone comes back online or the page becomes visible. */
  reconnectNow(): void;
  /** Lets go of the socket as if it had gone silent (the browser went offline); reconnects as usual. */
  drop(): void;
  readonly status: LiveStatus;
}

const normalClosure = 1000;
/** The service already holds several sockets of this phone (other tabs): no point in knocking again soon. */
const tooManySockets = 4429;
/** Enough failed attempts for `reconnectDelay` to reach its cap. */
const attemptsAtLongestWait = 30;
const wsOpen = 1;

/** Backoff for the n-th consecutive failed attempt (0-based): doubling, capped, with jitter in [½, 1]. */
export function reconnectDelay(attempt: number, random: () => number, initialMs = 500, maxMs = 15_000): number {
  const base = Math.min(maxMs, initialMs * 2 ** attempt);
  return Math.round(base / 2 + random() * (base / 2));
}

export function createLiveClient(options: LiveClientOptions): LiveClient {
  const {
    url,
    token,
    onState,
    onStatus,
    onServerError,
    onDisconnect,
    createSocket = (target: string) => new WebSocket(target),
    random = Math.random,
    initialDelayMs = 500,
    maxDelayMs = 15_000,
    pingIntervalMs = 25_000,
    silenceTimeoutMs = 10_000,
  } = options;

  let socket: WebSocketLike | null = null;
  let status: LiveStatus = 'closed';
  let stopped = true;
  let failedAttempts = 0;
  let everLive = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;

  function setStatus(next: LiveStatus) {
    if (status === next) return;
    status = next;
    onStatus?.(next);
  }

  function clearTimers() {
    clearTimeout(reconnectTimer);
    clearInterval(pingTimer);
    clearTimeout(silenceTimer);
    reconnectTimer = pingTimer = silenceTimer = undefined;
  }

  function send(message: ClientMessage) {
    if (socket?.readyState === wsOpen) socket.send(JSON.stringify(message));
  }

  function detach(current: WebSocketLike) {
    current.onopen = current.onmessage = current.onclose = current.onerror = null;
  }

  function connect() {
    clearTimers();
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      scheduleReconnect();
      return;
    }
    setStatus(everLive || failedAttempts > 0 ? 'reconnecting' : 'connecting');
    let current: WebSocketLike;
    try {
      current = createSocket(url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = current;
    expectReplyWithin(silenceTimeoutMs);

    current.onopen = () => {
      send({ type: 'hello', token });
      pingTimer = setInterval(sendPing, pingIntervalMs);
    };
    current.onmessage = (event) => handleMessage(event.data);
    current.onerror = () => {
      // Browsers follow an error with a close event; the reconnect is decided there.
    };
    current.onclose = (event) => {
      detach(current);
      socket = null;
      clearTimers();
      onDisconnect?.(event.code);
      if (stopped) return;
      if (event.code === normalClosure) {
        // The server closes normally only when the session is over; its final state came just before.
        stopped = true;
        setStatus('closed');
        return;
      }
      if (event.code === tooManySockets) failedAttempts = Math.max(failedAttempts, attemptsAtLongestWait);
      scheduleReconnect();
    };
  }

  function sendPing() {
    send({ type: 'ping' });
    expectReplyWithin(silenceTimeoutMs);
  }

  function expectReplyWithin(ms: number) {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(dropSilentSocket, ms);
  }

  function dropSilentSocket() {
    const current = socket;
    if (!current) return;
    detach(current);
    socket = null;
    clearTimers();
    try {
      current.close(4000, 'silent');
    } catch {
      // Already closing; nothing more to do with it.
    }
    onDisconnect?.(4000);
    if (!stopped) scheduleReconnect();
  }

  function scheduleReconnect() {
    setStatus('reconnecting');
    const delay = reconnectDelay(failedAttempts, random, initialDelayMs, maxDelayMs);
    failedAttempts += 1;
    reconnectTimer = setTimeout(connect, delay);
  }

  function handleMessage(raw: unknown) {
    // Anything heard proves the socket is alive.
    clearTimeout(silenceTimer);
    silenceTimer = undefined;
    const parsed = parseServerMessage(raw);
    if (!parsed.ok) {
      console.warn(`Ignored a live message that does not match the contract (${parsed.reason}).`);
      return;
    }
    const message = parsed.value;
    switch (message.type) {
      case 'state':
        if (status !== 'live') {
          everLive = true;
          failedAttempts = 0;
          setStatus('live');
        }
        onState(message.session);
        return;
      case 'pong':
        return;
      case 'error':
        onServerError?.({ error: message.error, message: message.message });
        return;
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      connect();
    },
    stop() {
      stopped = true;
      clearTimers();
      const current = socket;
      socket = null;
      if (current) {
        detach(current);
        try {
          current.close(normalClosure, 'bye');
        } catch {
          // Closing a socket that is still connecting can throw in some browsers.
        }
      }
      setStatus('closed');
    },
    reconnectNow() {
      if (stopped || socket) return;
      failedAttempts = 0;
      connect();
    },
    drop() {
      if (!stopped) dropSilentSocket();
    },
    get status() {
      return status;
    },
  };
}
