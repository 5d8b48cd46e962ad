import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { loadParticipant } from '@/lib/participant-store';
import { apiError, fakeApi } from '@/test/fake-api';
import { FakeWebSocket } from '@/test/fake-websocket';
import { aSession, sessionId } from '@/test/fixtures';
import { renderApp } from '@/test/render';

const contexts = [
  {
    id: 'exploring',
    name: 'Exploring',
    description: 'Light, curious questions for new connections.',
    questionCount: 106,
  },
  { id: 'established', name: 'Established', description: 'Shared memories and plans ahead.', questionCount: 64 },
  {
    id: 'mature',
    name: 'Mature',
    description: 'Deep, reflective questions for long-term partners.',
    questionCount: 61,
  },
];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('entry flow', () => {
  it('welcomes the table in one line and leads to the context choice', async () => {
    const { user, path } = renderApp('/t/t7');
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Table-Talk' })).toBeInTheDocument();
    expect(screen.getByText(/nothing personal is stored/)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Let’s begin' }));
    expect(path()).toBe('/t/t7/choose');
  });

  it('lists the contexts from the server, each leading to the mode step', async () => {
    fakeApi({ 'GET /api/contexts': { status: 200, body: contexts } });
    const { user, path } = renderApp('/t/t7/choose/questions');
    expect(screen.getByRole('heading', { level: 1, name: 'Who’s at the table?' })).toBeInTheDocument();
    const mature = await screen.findByRole('link', { name: /Mature/ });
    expect(mature).toHaveTextContent('Deep, reflective questions for long-term partners.');
    expect(mature).toHaveTextContent('61 questions');
    await user.click(mature);
    expect(path()).toBe('/t/t7/mature');
    expect(screen.getByRole('heading', { level: 1, name: 'One phone or two?' })).toBeInTheDocument();
  });

  it('shows the retry status when the contexts cannot be loaded, and recovers', async () => {
    let serverUp = false;
    fakeApi({
      'GET /api/contexts': () => (serverUp ? { status: 200, body: contexts } : { status: 503 }),
    });
    const { user } = renderApp('/t/t7/choose/questions');
    expect(await screen.findByRole('heading', { name: 'We can’t reach Table-Talk' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/Trying again in \d+ s/);
    serverUp = true;
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(await screen.findByRole('link', { name: /Exploring/ })).toBeInTheDocument();
  });

  it('creates the session from the mode step, keeps the participant and opens the session', async () => {
    const { requests } = fakeApi({
      'POST /api/sessions': {
        status: 201,
        body: { session: aSession({ mode: 'dual' }), participant: { id: 'A', token: 'tok-a' } },
      },
      [`POST /api/sessions/${sessionId}/participants`]: {
        status: 200,
        body: { session: aSession({ mode: 'dual' }), participant: { id: 'A', token: 'tok-a' } },
      },
    });
    vi.stubGlobal('WebSocket', FakeWebSocket);
    const { user, path } = renderApp('/t/t7/established');
    await user.click(screen.getByRole('button', { name: /Two phones/ }));
    await waitFor(() => expect(path()).toBe(`/s/${sessionId}`));
    expect(requests[0]).toEqual({
      method: 'POST',
      path: '/api/sessions',
      authorization: null,
      body: { tableToken: 't7', context: 'established', mode: 'dual', visit: expect.stringMatching(uuid) },
    });
    expect(loadParticipant(sessionId)).toMatchObject({ id: 'A', token: 'tok-a', tableToken: 't7' });
  });

  it('explains a failed creation and lets the diner tap again', async () => {
    fakeApi({ 'POST /api/sessions': { ...apiError(429, 'rate_limited'), headers: { 'Retry-After': '20' } } });
    const { user } = renderApp('/t/t7/exploring');
    await user.click(screen.getByRole('button', { name: /One phone/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please wait 20 seconds and tap again.');
    expect(screen.getByRole('button', { name: /One phone/ })).toBeEnabled();
  });

  it('gives the incident id when starting a session fails on the service side', async () => {
    fakeApi({ 'POST /api/sessions': apiError(500, 'internal', { incident: '1a2b3c4d' }) });
    const { user } = renderApp('/t/t7/exploring');
    await user.click(screen.getByRole('button', { name: /One phone/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong on our side (incident 1a2b3c4d). Please tap again.',
    );
  });

  it('tells the diner when the service is busy rather than unreachable', async () => {
    fakeApi({ 'POST /api/sessions': { ...apiError(503, 'unavailable'), headers: { 'Retry-After': '2' } } });
    const { user } = renderApp('/t/t7/exploring');
    await user.click(screen.getByRole('button', { name: /Two phones/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Table-Talk is very busy for a moment.');
    expect(screen.getByRole('button', { name: /Two phones/ })).toBeEnabled();
  });

  it('sends an unknown choice in the URL back to the first question', () => {
    fakeApi({ 'GET /api/contexts': { status: 200, body: contexts } });
    const { path } = renderApp('/t/t7/romantic');
    expect(path()).toBe('/t/t7/choose');
  });

  it.each(['/t/bad%20code', `/t/${'x'.repeat(65)}`, '/t/%3Cscript%3E/choose'])('says %s does not look right', (url) => {
    renderApp(url);
    expect(screen.getByRole('heading', { level: 1, name: 'This code doesn’t look right' })).toBeInTheDocument();
    // Any well-formed code opens a table, and a walk-in QR code has no code printed with it.
    expect(screen.getByText(/made of letters, digits, - and _ only/)).toBeInTheDocument();
    expect(screen.queryByText(/a table code we know|printed under/)).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Table code' })).toBeInTheDocument();
  });
});

describe('home', () => {
  it('explains the app and opens a typed table code', async () => {
    const { user, path } = renderApp('/');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Conversation cards for the dinner table' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scan your table’s code' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Table code' }), 'window-4{Enter}');
    expect(path()).toBe('/t/window-4');
  });

  it('opens "Table 7" typed by hand at table 7', async () => {
    const { user, path } = renderApp('/');
    await user.type(screen.getByRole('textbox', { name: 'Table code' }), 'Table 7{Enter}');
    expect(path()).toBe('/t/7');
  });

  it('accepts a pasted join link', async () => {
    const { user, path } = renderApp('/');
    await user.type(
      screen.getByRole('textbox', { name: 'Table code' }),
      `https://tabletalk.example/s/${sessionId}/join`,
    );
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(path()).toBe(`/s/${sessionId}/join`);
  });

  it('refuses a code that does not look right, saying why', async () => {
    const { user, path } = renderApp('/');
    const input = screen.getByRole('textbox', { name: 'Table code' });
    await user.type(input, 'table 7!');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('alert')).toHaveTextContent('This code doesn’t look right');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/doesn’t look right/);
    expect(path()).toBe('/');
  });
});
