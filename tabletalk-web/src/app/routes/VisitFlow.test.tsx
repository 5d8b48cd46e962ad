import { cleanup, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '@/test/fake-api';
import { FakeWebSocket } from '@/test/fake-websocket';
import { aSession, sessionId } from '@/test/fixtures';
import { renderApp } from '@/test/render';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const joined = { session: aSession(), participant: { id: 'A', token: 'tok-a' } };
const sessionRoutes = {
  'POST /api/sessions': { status: 201, body: joined },
  [`POST /api/sessions/${sessionId}/participants`]: { status: 200, body: joined },
};

/** Sends what is waiting, as the browser does when the tab is closed. */
function leavePage() {
  window.dispatchEvent(new Event('pagehide'));
}

describe('how long have you been together?', () => {
  it('is the first question, with five answers, and the answer goes with the new session', async () => {
    const { requests } = fakeApi(sessionRoutes);
    vi.stubGlobal('WebSocket', FakeWebSocket);
    const { user, path } = renderApp('/t/t7/choose');
    expect(screen.getByRole('heading', { level: 1, name: 'How long have you been together?' })).toBeInTheDocument();
    const answers = screen.getByRole('group', { name: 'How long have you been together?' });
    expect(Array.from(answers.querySelectorAll('button'), (button) => button.textContent)).toEqual([
      'Under 6 months',
      '6 months – 2 years',
      '2 – 10 years',
      '10+ years',
      'We’re friends / family',
    ]);
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/t/t7');

    await user.click(screen.getByRole('button', { name: '2 – 10 years' }));
    expect(path()).toBe('/t/t7/2_to_10_years');
    expect(screen.getByRole('heading', { level: 1, name: 'One phone or two?' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/t/t7/choose');

    await user.click(screen.getByRole('button', { name: /One phone/ }));
    await waitFor(() => expect(path()).toBe(`/s/${sessionId}`));
    expect(requests[0]).toEqual({
      method: 'POST',
      path: '/api/sessions',
      authorization: null,
      body: {
        tableToken: 't7',
        relationshipLength: '2_to_10_years',
        mode: 'single',
        visit: expect.stringMatching(uuid),
      },
    });
  });

  it('keeps the answer in the URL, so a refresh of the next step still knows it', () => {
    renderApp('/t/t7/friends_or_family');
    expect(screen.getByRole('heading', { level: 1, name: 'One phone or two?' })).toBeInTheDocument();
  });

  it('offers to choose the kind of questions instead, which then goes with the session', async () => {
    const { requests } = fakeApi({
      ...sessionRoutes,
      'GET /api/contexts': {
        status: 200,
        body: [{ id: 'mature', name: 'Mature', description: 'Deep questions.', questionCount: 61 }],
      },
    });
    vi.stubGlobal('WebSocket', FakeWebSocket);
    const { user, path } = renderApp('/t/t7/choose');
    await user.click(screen.getByRole('link', { name: 'Choose the kind of questions yourself' }));
    expect(path()).toBe('/t/t7/choose/questions');
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/t/t7/choose');
    await user.click(await screen.findByRole('link', { name: /Mature/ }));
    expect(path()).toBe('/t/t7/mature');
    await user.click(screen.getByRole('button', { name: /Two phones/ }));
    await waitFor(() => expect(path()).toBe(`/s/${sessionId}`));
    expect(requests.find((request) => request.path === '/api/sessions')?.body).toEqual({
      tableToken: 't7',
      context: 'mature',
      mode: 'dual',
      visit: expect.stringMatching(uuid),
    });
  });
});

describe('the steps logged for a visit', () => {
  it('logs the scan and the welcome once, then each choice, all under the visit the session is started with', async () => {
    const { requests, events } = fakeApi(sessionRoutes);
    vi.stubGlobal('WebSocket', FakeWebSocket);
    const { user, path } = renderApp('/t/t7');
    await user.click(screen.getByRole('link', { name: 'Let’s begin' }));
    await user.click(screen.getByRole('button', { name: 'Under 6 months' }));
    await user.click(screen.getByRole('button', { name: /Two phones/ }));
    await waitFor(() => expect(path()).toBe(`/s/${sessionId}`));
    leavePage();

    const visit = (requests[0]?.body as { visit: string }).visit;
    expect(visit).toMatch(uuid);
    const sent = events.flatMap(({ body }) => {
      const batch = body as { visit: string; events: unknown[] };
      expect(batch.visit).toBe(visit);
      return batch.events;
    });
    expect(sent).toEqual([
      { type: 'scan' },
      { type: 'welcome_viewed' },
      { type: 'relationship_length_chosen', length: 'under_6_months' },
      { type: 'mode_chosen', mode: 'dual' },
    ]);
  });

  it('keeps the visit over a refresh, and starts a new one at another table', async () => {
    const { events } = fakeApi({});
    renderApp('/t/t7');
    cleanup();
    renderApp('/t/t7'); // a refresh: same tab, same visit
    leavePage();
    expect(events).toHaveLength(1);
    const first = events[0]?.body as { visit: string; events: unknown[] };
    expect(first.events).toEqual([{ type: 'scan' }, { type: 'welcome_viewed' }]);

    cleanup();
    renderApp('/t/t8/choose');
    leavePage();
    const second = events[1]?.body as { visit: string; events: unknown[] };
    expect(second.visit).not.toBe(first.visit);
    expect(second.events).toEqual([{ type: 'scan' }]);
  });

  it('names the restaurant and the table in every step at a registered table, once the table is known', async () => {
    const { events } = fakeApi({
      'GET /api/restaurants/luigis/tables/7': {
        status: 200,
        body: { restaurant: { slug: 'luigis', name: 'Luigi’s' }, table: { label: '7' } },
      },
    });
    const { user } = renderApp('/r/luigis/t/7');
    await user.click(await screen.findByRole('link', { name: 'Let’s begin' }));
    await user.click(screen.getByRole('button', { name: '10+ years' }));
    leavePage();
    expect(events.flatMap(({ body }) => (body as { events: unknown[] }).events)).toEqual([
      { type: 'scan', restaurant: 'luigis', table: '7' },
      { type: 'welcome_viewed', restaurant: 'luigis', table: '7' },
      { type: 'relationship_length_chosen', length: 'over_10_years', restaurant: 'luigis', table: '7' },
    ]);
  });

  it('logs nothing for a table the restaurant does not know', async () => {
    const { events } = fakeApi({
      'GET /api/restaurants/luigis/tables/99': { status: 404, body: { error: 'not_found', message: 'No.' } },
    });
    renderApp('/r/luigis/t/99');
    expect(await screen.findByRole('heading', { name: 'We don’t know this table' })).toBeInTheDocument();
    leavePage();
    expect(events).toEqual([]);
  });
});
