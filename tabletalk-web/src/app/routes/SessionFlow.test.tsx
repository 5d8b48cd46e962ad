import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '@/lib/messages';
import { loadParticipant, saveParticipant } from '@/lib/participant-store';
import { apiError, type FakeResponse, fakeApi } from '@/test/fake-api';
import { FakeWebSocket } from '@/test/fake-websocket';
import { aChoiceCard, aDualSession, anOpenCard, aParticipant, aSession, sessionId } from '@/test/fixtures';
import { renderApp } from '@/test/render';

const sessionPath = `/s/${sessionId}`;
const api = `/api/sessions/${sessionId}`;

function joined(session: SessionState, participant = { id: 'A', token: 'tok-a' }): FakeResponse {
  return { status: 200, body: { session, participant } };
}

/** Opens the page's live socket and answers its hello with `state`. */
function goLive(state: SessionState) {
  const socket = FakeWebSocket.latest();
  act(() => {
    socket.open();
    socket.receive({ type: 'state', session: state });
  });
  return socket;
}

function push(socket: FakeWebSocket, state: SessionState) {
  act(() => socket.receive({ type: 'state', session: state }));
}

beforeEach(() => {
  FakeWebSocket.reset();
  vi.stubGlobal('WebSocket', FakeWebSocket);
});

describe('playing a session', () => {
  it('rejoins with the stored token and shows the card, then listens live', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a', tableToken: 't7' });
    const { requests } = fakeApi({ [`POST ${api}/participants`]: joined(aSession({ position: 2 })) });
    renderApp(sessionPath);

    expect(await screen.findByRole('article', { name: anOpenCard().text })).toBeInTheDocument();
    expect(screen.getByText('Card 3')).toBeInTheDocument();
    expect(requests[0]).toMatchObject({ method: 'POST', path: `${api}/participants`, authorization: 'Bearer tok-a' });

    const socket = FakeWebSocket.latest();
    expect(socket.url).toBe(`ws://localhost:3000${api}/live`);
    act(() => socket.open());
    expect(socket.sent).toEqual([{ type: 'hello', token: 'tok-a' }]);
  });

  it('names the restaurant and the table above the card at a registered table', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    fakeApi({
      [`POST ${api}/participants`]: joined(
        aSession({ restaurant: { slug: 'bistro', name: 'Bistro Nord' }, table: { label: 'Patio 7' } }),
      ),
    });
    renderApp(sessionPath);
    await screen.findByRole('article');
    expect(screen.getByText('Bistro Nord · Table Patio 7')).toBeInTheDocument();
  });

  it('lets the diner pick light or dark on the session screen', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    fakeApi({ [`POST ${api}/participants`]: joined(aSession()) });
    const { user } = renderApp(sessionPath);
    await screen.findByRole('article');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'Dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Theme' }), 'System');
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });

  it('follows live states and never goes back to an older one', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    fakeApi({ [`POST ${api}/participants`]: joined(aSession({ version: 3 })) });
    renderApp(sessionPath);
    await screen.findByRole('article');
    const socket = goLive(aSession({ version: 3 }));

    push(
      socket,
      aSession({ version: 5, position: 1, card: anOpenCard({ questionId: 2, text: 'Where would you go tomorrow?' }) }),
    );
    expect(screen.getByRole('article', { name: 'Where would you go tomorrow?' })).toBeInTheDocument();
    push(socket, aSession({ version: 4, position: 0 }));
    expect(screen.getByText('Card 2')).toBeInTheDocument();
  });

  it('sends commands over REST with the version shown', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    const next = aSession({ version: 4, position: 1, card: anOpenCard({ questionId: 9, text: 'A second question?' }) });
    const { requests } = fakeApi({
      [`POST ${api}/participants`]: joined(aSession({ version: 3 })),
      [`POST ${api}/commands`]: { status: 200, body: next },
    });
    const { user } = renderApp(sessionPath);
    await screen.findByRole('article');
    await user.click(screen.getByRole('button', { name: 'Next card' }));
    expect(await screen.findByRole('article', { name: 'A second question?' })).toBeInTheDocument();
    expect(requests.at(-1)).toEqual({
      method: 'POST',
      path: `${api}/commands`,
      authorization: 'Bearer tok-a',
      body: { type: 'next', version: 3 },
    });
  });

  it('asks again for the next card when both phones asked at the same moment', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    const partnerAsked = aDualSession({
      version: 4,
      participants: [aParticipant('A'), aParticipant('B', { wantsNext: true })],
    });
    const moved = aDualSession({ version: 5, position: 1, card: anOpenCard({ questionId: 8, text: 'Together now?' }) });
    const commands: unknown[] = [];
    fakeApi({
      [`POST ${api}/participants`]: joined(aDualSession({ version: 3 })),
      [`POST ${api}/commands`]: ({ body }) => {
        commands.push(body);
        return commands.length === 1
          ? apiError(409, 'version_conflict', { session: partnerAsked })
          : { status: 200, body: moved };
      },
    });
    const { user } = renderApp(sessionPath);
    await screen.findByRole('article');
    await user.click(screen.getByRole('button', { name: 'Next card' }));
    expect(await screen.findByRole('article', { name: 'Together now?' })).toBeInTheDocument();
    expect(commands).toEqual([
      { type: 'next', version: 3 },
      { type: 'next', version: 4 },
    ]);
  });

  it('does not resend next when the card already moved, and shows the new card', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    const moved = aDualSession({
      version: 4,
      position: 1,
      card: anOpenCard({ questionId: 8, text: 'Moved already?' }),
    });
    const commands: unknown[] = [];
    fakeApi({
      [`POST ${api}/participants`]: joined(aDualSession({ version: 3 })),
      [`POST ${api}/commands`]: ({ body }) => {
        commands.push(body);
        return apiError(409, 'version_conflict', { session: moved });
      },
    });
    const { user } = renderApp(sessionPath);
    await screen.findByRole('article');
    await user.click(screen.getByRole('button', { name: 'Next card' }));
    expect(await screen.findByRole('article', { name: 'Moved already?' })).toBeInTheDocument();
    expect(commands).toHaveLength(1);
  });

  it('sends a pick again when it crossed with the partner’s on the same card, so the pick is never lost', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    const card = aChoiceCard();
    const partnerPicked = [aParticipant('A'), aParticipant('B', { answered: true })];
    const commands: unknown[] = [];
    fakeApi({
      [`POST ${api}/participants`]: joined(aDualSession({ version: 3, card })),
      [`POST ${api}/commands`]: ({ body }) => {
        commands.push(body);
        return commands.length === 1
          ? apiError(409, 'version_conflict', {
              session: aDualSession({ version: 4, card, participants: partnerPicked }),
            })
          : {
              status: 200,
              body: aDualSession({
                version: 5,
                card,
                participants: [aParticipant('A', { answered: true }), aParticipant('B', { answered: true })],
              }),
            };
      },
    });
    const { user } = renderApp(sessionPath);
    await screen.findByRole('article');
    await user.click(await screen.findByRole('button', { name: 'Sunrise hike' }));
    await waitFor(() => expect(commands).toHaveLength(2));
    expect(commands[1]).toMatchObject({ type: 'answer', version: 4 });
    expect(screen.queryByText('That tap crossed with your partner’s. Please tap again.')).not.toBeInTheDocument();
  });

  it('sends the second pick on a passed phone again when the session moved under it', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    const card = aChoiceCard();
    const firstPicked = [aParticipant('A', { answered: true })];
    const commands: unknown[] = [];
    fakeApi({
      [`POST ${api}/participants`]: joined(aSession({ version: 3, card, participants: firstPicked })),
      [`POST ${api}/commands`]: ({ body }) => {
        commands.push(body);
        return commands.length === 1
          ? apiError(409, 'version_conflict', { session: aSession({ version: 4, card, participants: firstPicked }) })
          : {
              status: 200,
              body: aSession({ version: 5, card, participants: firstPicked, answers: { A: 'b', B: 'a' } }),
            };
      },
    });
    const { user } = renderApp(sessionPath);
    await user.click(await screen.findByRole('button', { name: 'I’m the partner: my turn' }));
    await user.click(screen.getByRole('button', { name: 'Sunrise hike' }));
    await waitFor(() => expect(commands).toHaveLength(2));
    expect(commands[1]).toMatchObject({ type: 'answer', optionId: 'a', seat: 'second', version: 4 });
    expect(await screen.findByText('Different picks — tell each other why!')).toBeInTheDocument();
  });

  it('asks for the tap again when it keeps crossing with the partner’s changes', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    const card = aChoiceCard();
    const commands: unknown[] = [];
    fakeApi({
      [`POST ${api}/participants`]: joined(aDualSession({ version: 3, card })),
      [`POST ${api}/commands`]: ({ body }) => {
        commands.push(body);
        return apiError(409, 'version_conflict', { session: aDualSession({ version: 3 + commands.length, card }) });
      },
    });
    const { user } = renderApp(sessionPath);
    await screen.findByRole('article');
    await user.click(await screen.findByRole('button', { name: 'Sunrise hike' }));
    expect(await screen.findByText('That tap crossed with your partner’s. Please tap again.')).toBeInTheDocument();
    expect(commands).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Sunrise hike' })).toBeEnabled();
  });

  it('shows "Reconnecting…" while the socket is away and the right card after it is back', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    fakeApi({
      [`POST ${api}/participants`]: joined(aSession({ version: 3 })),
      [`GET ${api}`]: { status: 503 },
    });
    renderApp(sessionPath);
    await screen.findByRole('article');
    const socket = goLive(aSession({ version: 3 }));

    act(() => socket.serverClose(1006));
    expect(await screen.findByText('Reconnecting…')).toBeInTheDocument();

    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2), { timeout: 2000 });
    goLive(aSession({ version: 7, position: 5, card: anOpenCard({ questionId: 5, text: 'Missed while away?' }) }));
    expect(screen.getByRole('article', { name: 'Missed while away?' })).toBeInTheDocument();
    expect(screen.queryByText('Reconnecting…')).not.toBeInTheDocument();
  });

  it('drops "We couldn’t reach Table-Talk" once the service is heard from again', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    fakeApi({
      [`POST ${api}/participants`]: joined(aSession({ version: 3 })),
      [`POST ${api}/commands`]: { status: 503 },
    });
    const { user } = renderApp(sessionPath);
    await screen.findByRole('article');
    const socket = goLive(aSession({ version: 3 }));

    await user.click(screen.getByRole('button', { name: 'Next card' }));
    expect(await screen.findByText(/We couldn’t reach Table-Talk/)).toBeInTheDocument();
    push(socket, aSession({ version: 4 }));
    expect(screen.queryByText(/We couldn’t reach Table-Talk/)).not.toBeInTheDocument();
  });

  it('ends the session after asking once, and says goodbye', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a', tableToken: 't7' });
    const { requests } = fakeApi({
      [`POST ${api}/participants`]: joined(aDualSession({ version: 3 })),
      [`POST ${api}/commands`]: {
        status: 200,
        body: aDualSession({ version: 4, status: 'ended', position: 4, endedBy: 'A', endedAt: '2025-01-01T19:42:10Z' }),
      },
    });
    const { user } = renderApp(sessionPath);
    await screen.findByRole('article');
    await user.click(screen.getByRole('button', { name: 'End session' }));
    const confirm = screen.getByRole('group', { name: 'End the session on both phones?' });
    await user.click(within(confirm).getByRole('button', { name: 'End' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you for talking' })).toBeInTheDocument();
    expect(screen.getByText(/You ended the evening\./)).toBeInTheDocument();
    expect(screen.getByText('5 cards')).toBeInTheDocument();
    expect(screen.getByText('42 minutes')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start another deck' })).toHaveAttribute('href', '/t/t7');
    expect(requests.at(-1)?.body).toEqual({ type: 'end', version: 3 });
  });

  it('shows the ended screen when the partner ends the session', async () => {
    saveParticipant(sessionId, { id: 'B', token: 'tok-b' });
    fakeApi({ [`POST ${api}/participants`]: joined(aDualSession({ version: 3 }), { id: 'B', token: 'tok-b' }) });
    renderApp(sessionPath);
    await screen.findByRole('article');
    const socket = goLive(aDualSession({ version: 3 }));
    push(socket, aDualSession({ version: 4, status: 'ended', endedBy: 'A', endedAt: '2025-01-01T19:00:20Z' }));
    act(() => socket.serverClose(1000));
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you for talking' })).toBeInTheDocument();
    expect(screen.getByText(/Your partner ended the evening\./)).toBeInTheDocument();
    expect(screen.getByText('1 card')).toBeInTheDocument();
    expect(screen.getByText('under a minute')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start another deck' })).toHaveAttribute('href', '/t/t7');
  });

  it('shows the ending again after a reload, and leads back to the restaurant’s table', async () => {
    saveParticipant(sessionId, { id: 'B', token: 'tok-b', tableToken: 'bistro-7' });
    const ended = aDualSession({
      version: 9,
      status: 'ended',
      position: 11,
      tableToken: 'bistro-7',
      restaurant: { slug: 'bistro', name: 'Bistro Nord' },
      table: { label: 'Patio 7' },
      endedBy: 'B',
      createdAt: '2025-01-01T19:00:00Z',
      endedAt: '2025-01-01T20:05:00Z',
    });
    const { requests } = fakeApi({
      [`POST ${api}/participants`]: apiError(410, 'session_ended'),
      [`GET ${api}/ending`]: { status: 200, body: ended },
    });
    renderApp(sessionPath);
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you for talking' })).toBeInTheDocument();
    expect(screen.getByText('Bistro Nord · Table Patio 7')).toBeInTheDocument();
    expect(screen.getByText(/You ended the evening\./)).toBeInTheDocument();
    expect(screen.getByText('12 cards')).toBeInTheDocument();
    expect(screen.getByText('1 hour 5 minutes')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start another deck' })).toHaveAttribute('href', '/r/bistro/t/Patio%207');
    expect(requests.at(-1)).toMatchObject({ method: 'GET', path: `${api}/ending`, authorization: 'Bearer tok-b' });
  });

  it('says the session has ended when its ending cannot be read', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a', tableToken: 't7' });
    fakeApi({
      [`POST ${api}/participants`]: apiError(410, 'session_ended'),
      [`GET ${api}/ending`]: apiError(404, 'not_found'),
    });
    renderApp(sessionPath);
    expect(await screen.findByRole('heading', { level: 1, name: 'This session has ended' })).toBeInTheDocument();
  });

  it('finds out over REST when the session expired while the socket was away', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a', tableToken: 't7' });
    fakeApi({
      [`POST ${api}/participants`]: joined(aSession({ version: 3 })),
      [`GET ${api}`]: apiError(410, 'session_expired'),
    });
    renderApp(sessionPath);
    await screen.findByRole('article');
    const socket = goLive(aSession({ version: 3 }));
    act(() => socket.serverClose(1006));
    expect(await screen.findByRole('heading', { level: 1, name: 'This session has expired' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a new one' })).toHaveAttribute('href', '/t/t7');
  });

  it('shows partner presence and the join code while the partner has not joined', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    fakeApi({
      [`POST ${api}/participants`]: joined(aDualSession({ status: 'waiting', participants: [aParticipant('A')] })),
    });
    renderApp(sessionPath);
    expect(await screen.findByText('Waiting for your partner to join')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'QR code that opens this session on another phone' })).toHaveAttribute(
      'src',
      `http://localhost:3000${api}/qr.svg`,
    );
    expect(screen.getByRole('link', { name: `http://localhost:3000${sessionPath}/join` })).toBeInTheDocument();

    const socket = goLive(aDualSession({ version: 4 }));
    expect(screen.getByText('Partner connected')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /QR code/ })).not.toBeInTheDocument();
    push(
      socket,
      aDualSession({ version: 5, participants: [aParticipant('A'), aParticipant('B', { connected: false })] }),
    );
    expect(screen.getByText('Your phones can’t reach each other right now')).toBeInTheDocument();
  });
});

describe('session problems', () => {
  it('shows the expired screen with a way back to the table', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a', tableToken: 't7' });
    fakeApi({ [`POST ${api}/participants`]: apiError(410, 'session_expired') });
    renderApp(sessionPath);
    expect(await screen.findByRole('heading', { level: 1, name: 'This session has expired' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start a new one' })).toHaveAttribute('href', '/t/t7');
  });

  it('shows the unknown-session screen for a session id that is not one, without asking the server', () => {
    const { requests } = fakeApi({});
    renderApp('/s/not-a-session');
    expect(screen.getByRole('heading', { level: 1, name: 'We can’t find this session' })).toBeInTheDocument();
    expect(requests).toHaveLength(0);
  });

  it('retries when the server cannot be reached', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    let serverUp = false;
    fakeApi({ [`POST ${api}/participants`]: () => (serverUp ? joined(aSession()) : { status: 502 }) });
    const { user } = renderApp(sessionPath);
    expect(await screen.findByRole('heading', { level: 1, name: 'We can’t reach Table-Talk' })).toBeInTheDocument();
    serverUp = true;
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(await screen.findByRole('article')).toBeInTheDocument();
  });

  it('joins afresh when the stored token is no longer known', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'stale' });
    fakeApi({
      [`POST ${api}/participants`]: ({ headers }) =>
        headers.get('Authorization') === 'Bearer stale'
          ? apiError(401, 'unauthorized')
          : headers.get('Authorization') === 'Bearer tok-b'
            ? joined(aDualSession(), { id: 'B', token: 'tok-b' })
            : { status: 201, body: { session: aDualSession(), participant: { id: 'B', token: 'tok-b' } } },
    });
    const { path } = renderApp(sessionPath);
    expect(await screen.findByRole('article')).toBeInTheDocument();
    expect(path()).toBe(sessionPath);
    expect(loadParticipant(sessionId)).toMatchObject({ id: 'B', token: 'tok-b' });
  });
});

describe('joining as the second phone', () => {
  it('joins through the link, keeps the token and lands on the card', async () => {
    const { requests } = fakeApi({
      [`POST ${api}/participants`]: ({ headers }) =>
        headers.get('Authorization')
          ? joined(aDualSession(), { id: 'B', token: 'tok-b' })
          : { status: 201, body: { session: aDualSession(), participant: { id: 'B', token: 'tok-b' } } },
    });
    const { path } = renderApp(`${sessionPath}/join`);
    expect(await screen.findByRole('article')).toBeInTheDocument();
    expect(path()).toBe(sessionPath);
    expect(loadParticipant(sessionId)).toMatchObject({ id: 'B', token: 'tok-b', tableToken: 't7' });
    expect(requests.filter((r) => r.authorization === null)).toHaveLength(1);
  });

  it('goes straight to the session when this phone is already in it', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    const { requests } = fakeApi({ [`POST ${api}/participants`]: joined(aDualSession()) });
    const { path } = renderApp(`${sessionPath}/join`);
    expect(await screen.findByRole('article')).toBeInTheDocument();
    expect(path()).toBe(sessionPath);
    expect(requests.every((r) => r.authorization === 'Bearer tok-a')).toBe(true);
  });

  it('sends a phone without a token from the session link to join', async () => {
    fakeApi({
      [`POST ${api}/participants`]: {
        status: 201,
        body: { session: aDualSession(), participant: { id: 'B', token: 'tok-b' } },
      },
    });
    renderApp(sessionPath);
    expect(await screen.findByRole('article')).toBeInTheDocument();
    expect(loadParticipant(sessionId)).toMatchObject({ id: 'B' });
  });

  it('shows the full screen, offering a session of its own at the table', async () => {
    fakeApi({
      [`POST ${api}/participants`]: apiError(409, 'session_full'),
      [`GET ${api}`]: { status: 200, body: aDualSession({ tableToken: 'window-4' }) },
    });
    renderApp(`${sessionPath}/join`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This session already has two phones' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Start your own' })).toHaveAttribute('href', '/t/window-4');
  });

  it('tells a second phone that a one-phone session is played on one phone', async () => {
    fakeApi({
      [`POST ${api}/participants`]: apiError(409, 'session_full'),
      [`GET ${api}`]: { status: 200, body: aSession({ mode: 'single', tableToken: 'window-4' }) },
    });
    renderApp(`${sessionPath}/join`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This session is played on one phone' }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/two phones/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start your own' })).toHaveAttribute('href', '/t/window-4');
  });
});
