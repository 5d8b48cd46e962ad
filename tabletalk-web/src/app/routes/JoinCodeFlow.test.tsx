import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '@/lib/messages';
import { loadParticipant, saveParticipant } from '@/lib/participant-store';
import { apiError, type FakeResponse, fakeApi } from '@/test/fake-api';
import { FakeWebSocket } from '@/test/fake-websocket';
import { aDualSession, aParticipant, sessionId } from '@/test/fixtures';
import { renderApp } from '@/test/render';

const api = `/api/sessions/${sessionId}`;
const inTwoMinutes = () => new Date(Date.now() + 120_000).toISOString();
// The waiting phone checks every two seconds.
const slow = { timeout: 10_000 };

function joined(session: SessionState, participant = { id: 'A', token: 'tok-a' }): FakeResponse {
  return { status: 200, body: { session, participant } };
}

beforeEach(() => {
  FakeWebSocket.reset();
  vi.stubGlobal('WebSocket', FakeWebSocket);
});

describe('joining your partner by code', () => {
  it('takes a typed code, however it is written, to the session it belongs to', async () => {
    const { requests } = fakeApi({
      'GET /api/join-codes/K7MQ3P': { status: 200, body: { sessionId } },
      [`POST ${api}/participants`]: {
        status: 201,
        body: { session: aDualSession(), participant: { id: 'B', token: 'tok-b' } },
      },
    });
    const { user, path } = renderApp('/');

    await user.type(screen.getByRole('textbox', { name: 'Join your partner' }), 'k7m-q3p');
    await user.click(screen.getByRole('button', { name: 'Join' }));

    await waitFor(() => expect(path()).toBe(`/s/${sessionId}`));
    expect(requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/join-codes/K7MQ3P');
    expect(loadParticipant(sessionId)).toMatchObject({ id: 'B', token: 'tok-b' });
  });

  it('says what a code looks like when the typed one cannot be one, without asking the service', async () => {
    const { requests } = fakeApi({});
    const { user, path } = renderApp('/');

    await user.type(screen.getByRole('textbox', { name: 'Join your partner' }), 'K7MQ0');
    await user.click(screen.getByRole('button', { name: 'Join' }));

    expect(screen.getByRole('alert')).toHaveTextContent('A code is 6 letters and digits, like K7M Q3P.');
    expect(screen.getByRole('textbox', { name: 'Join your partner' })).toHaveAttribute('aria-invalid', 'true');
    expect(path()).toBe('/');
    expect(requests).toHaveLength(0);
  });

  it('tells the diner when no open session has the code', async () => {
    fakeApi({ 'GET /api/join-codes/K7MQ3P': apiError(404, 'not_found') });
    renderApp('/j/k7mq3p');

    expect(await screen.findByRole('heading', { level: 1, name: 'We can’t find that code' })).toBeInTheDocument();
    expect(screen.getByText('K7MQ3P')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Type the code again' })).toHaveAttribute('href', '/');
  });

  it('asks for patience after too many tries', async () => {
    fakeApi({ 'GET /api/join-codes/K7MQ3P': { ...apiError(429, 'rate_limited'), headers: { 'Retry-After': '42' } } });
    renderApp('/j/K7MQ3P');

    expect(await screen.findByRole('heading', { level: 1, name: 'Too many codes tried' })).toBeInTheDocument();
    expect(screen.getByText(/Please wait 42 seconds/)).toBeInTheDocument();
  });

  it('shows the first phone its code, spaced, beside the QR code', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    fakeApi({
      [`POST ${api}/participants`]: joined(aDualSession({ status: 'waiting', participants: [aParticipant('A')] })),
      [`GET ${api}/join-code`]: { status: 200, body: { code: 'K7MQ3P', link: 'http://localhost:3000/j/K7MQ3P' } },
    });
    renderApp(`/s/${sessionId}`);

    const invite = await screen.findByRole('region', { name: 'Second phone: scan this' });
    expect(await within(invite).findByText('K7M Q3P')).toBeInTheDocument();
    expect(within(invite).getByText('Join code: K 7 M Q 3 P')).toBeInTheDocument();
    expect(within(invite).getByRole('link', { name: 'http://localhost:3000/j/K7MQ3P' })).toBeInTheDocument();
  });
});

describe('taking back a seat whose phone is away', () => {
  const bAway = () => aDualSession({ participants: [aParticipant('A'), aParticipant('B', { connected: false })] });

  it('offers the seat instead of saying the session is full, and goes on once let in', async () => {
    let claims = 0;
    const { requests } = fakeApi({
      [`POST ${api}/participants`]: apiError(409, 'session_full'),
      [`GET ${api}`]: { status: 200, body: bAway() },
      [`POST ${api}/reclaims`]: { status: 202, body: { participant: 'B', token: 'tok-new', grantsAt: inTwoMinutes() } },
      [`POST ${api}/reclaims/claim`]: () =>
        ++claims === 1
          ? { status: 202, body: { participant: 'B', grantsAt: inTwoMinutes() } }
          : joined(bAway(), { id: 'B', token: 'tok-new' }),
    });
    const { user, path } = renderApp(`/s/${sessionId}/join`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Take back your seat?' }, slow)).toBeInTheDocument();
    expect(screen.queryByText(/already has two phones/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Take back the seat' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Waiting to be let in' }, slow)).toBeInTheDocument();
    expect(screen.getByText(/let in in about 2 minutes/)).toBeInTheDocument();
    await waitFor(() => expect(path()).toBe(`/s/${sessionId}`), slow);
    expect(claims).toBe(2);
    expect(requests.find((r) => r.path === `${api}/reclaims/claim`)?.authorization).toBe('Bearer tok-new');
    expect(loadParticipant(sessionId)).toMatchObject({ id: 'B', token: 'tok-new', tableToken: 't7' });
  }, 20_000);

  it('lets the diner ask again after the phone at the table said not now', async () => {
    let requestsMade = 0;
    fakeApi({
      [`POST ${api}/participants`]: apiError(409, 'session_full'),
      [`GET ${api}`]: { status: 200, body: bAway() },
      [`POST ${api}/reclaims`]: () => {
        requestsMade++;
        return { status: 202, body: { participant: 'B', token: 'tok-new', grantsAt: inTwoMinutes() } };
      },
      [`POST ${api}/reclaims/claim`]: apiError(409, 'conflict'),
    });
    const { user } = renderApp(`/s/${sessionId}/join`);
    await user.click(await screen.findByRole('button', { name: 'Take back the seat' }, slow));

    expect(await screen.findByRole('heading', { level: 1, name: 'You weren’t let in' }, slow)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ask again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Waiting to be let in' })).toBeInTheDocument();
    expect(requestsMade).toBe(2);
  }, 20_000);

  it('still says the session is full when both phones are at the table', async () => {
    fakeApi({
      [`POST ${api}/participants`]: apiError(409, 'session_full'),
      [`GET ${api}`]: { status: 200, body: aDualSession() },
    });
    renderApp(`/s/${sessionId}/join`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'This session already has two phones' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Take back the seat' })).not.toBeInTheDocument();
  });

  it('asks the phone at the table, which lets the new phone in', async () => {
    saveParticipant(sessionId, { id: 'A', token: 'tok-a' });
    const rejoining = aDualSession({
      version: 4,
      participants: [aParticipant('A'), aParticipant('B', { connected: false, rejoining: true })],
    });
    const { requests } = fakeApi({
      [`POST ${api}/participants`]: joined(aDualSession()),
      [`POST ${api}/reclaims/answer`]: { status: 200, body: bAway() },
      [`GET ${api}/join-code`]: { status: 200, body: { code: 'K7MQ3P', link: 'http://localhost:3000/j/K7MQ3P' } },
    });
    const { user } = renderApp(`/s/${sessionId}`);
    await screen.findByRole('article');
    const socket = FakeWebSocket.latest();
    act(() => {
      socket.open();
      socket.receive({ type: 'state', session: rejoining });
    });

    const prompt = await screen.findByRole('region', { name: 'Is your partner rejoining on a new phone?' });
    await user.click(within(prompt).getByRole('button', { name: 'Let them in' }));

    await waitFor(() =>
      expect(requests.at(-1)).toEqual({
        method: 'POST',
        path: `${api}/reclaims/answer`,
        authorization: 'Bearer tok-a',
        body: { letIn: true },
      }),
    );
    act(() => socket.receive({ type: 'state', session: { ...bAway(), version: 5 } }));
    expect(screen.queryByRole('region', { name: 'Is your partner rejoining on a new phone?' })).not.toBeInTheDocument();
    expect(screen.getByText('Partner lost their phone? Show the join code')).toBeInTheDocument();
    expect(await screen.findByText('K7M Q3P')).toBeInTheDocument();
  });
});
