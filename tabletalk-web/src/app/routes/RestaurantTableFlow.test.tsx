import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { loadParticipant } from '@/lib/participant-store';
import { apiError, fakeApi } from '@/test/fake-api';
import { FakeWebSocket } from '@/test/fake-websocket';
import { aSession, sessionId } from '@/test/fixtures';
import { renderApp } from '@/test/render';

const luigisTable = (label: string) => ({
  status: 200,
  body: { restaurant: { slug: 'luigis', name: 'Luigi’s' }, table: { label } },
});

describe('a restaurant’s table', () => {
  it('welcomes the diner with the restaurant’s name and the table, then leads to the context choice', async () => {
    fakeApi({
      'GET /api/restaurants/luigis/tables/7': luigisTable('7'),
      'GET /api/contexts': { status: 200, body: [] },
    });
    const { user, path } = renderApp('/r/luigis/t/7');
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Luigi’s · Table 7' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Let’s begin' }));
    expect(path()).toBe('/r/luigis/t/7/choose');
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/r/luigis/t/7');
  });

  it('asks for a label with a space as %20', async () => {
    const { requests } = fakeApi({ 'GET /api/restaurants/luigis/tables/Patio%203': luigisTable('Patio 3') });
    renderApp('/r/luigis/t/Patio%203');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to Luigi’s · Table Patio 3' }),
    ).toBeInTheDocument();
    expect(requests[0]?.path).toBe('/api/restaurants/luigis/tables/Patio%203');
  });

  it('says kindly when the table is unknown and offers to play without it', async () => {
    fakeApi({ 'GET /api/restaurants/luigis/tables/99': apiError(404, 'not_found') });
    const { user, path } = renderApp('/r/luigis/t/99');
    expect(await screen.findByRole('heading', { level: 1, name: 'We don’t know this table' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Table code' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Play without the table' }));
    expect(path()).toBe('/t/luigis-99');
  });

  it('says when the table is switched off', async () => {
    fakeApi({ 'GET /api/restaurants/luigis/tables/3': { status: 410, body: { error: 'gone', message: 'Inactive.' } } });
    renderApp('/r/luigis/t/3');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This table isn’t taking part just now' }),
    ).toBeInTheDocument();
  });

  it('offers a retry when the service cannot be reached', async () => {
    fakeApi({ 'GET /api/restaurants/luigis/tables/7': { status: 503 } });
    renderApp('/r/luigis/t/7');
    expect(await screen.findByRole('heading', { level: 1, name: 'We can’t reach Table-Talk' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again now' })).toBeInTheDocument();
  });

  it('creates the session at the restaurant’s table', async () => {
    const joined = { session: aSession(), participant: { id: 'A', token: 'tok-a' } };
    const { requests } = fakeApi({
      'POST /api/sessions': { status: 201, body: joined },
      [`POST /api/sessions/${sessionId}/participants`]: { status: 200, body: joined },
    });
    vi.stubGlobal('WebSocket', FakeWebSocket);
    const { user, path } = renderApp('/r/luigis/t/7/exploring');
    expect(screen.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/r/luigis/t/7/choose/questions');
    await user.click(screen.getByRole('button', { name: /One phone/ }));
    await waitFor(() => expect(path()).toBe(`/s/${sessionId}`));
    expect(requests[0]).toEqual({
      method: 'POST',
      path: '/api/sessions',
      authorization: null,
      body: { restaurant: 'luigis', table: '7', context: 'exploring', mode: 'single', visit: expect.any(String) },
    });
    expect(loadParticipant(sessionId)).toMatchObject({ id: 'A', token: 'tok-a' });
  });

  it('offers only the kinds of questions the restaurant chose', async () => {
    fakeApi({
      'GET /api/restaurants/luigis/tables/7': {
        status: 200,
        body: { restaurant: { slug: 'luigis', name: 'Luigi’s' }, table: { label: '7' }, contexts: ['mature'] },
      },
      'GET /api/contexts': {
        status: 200,
        body: ['exploring', 'established', 'mature'].map((id) => ({
          id,
          name: id[0]?.toUpperCase() + id.slice(1),
          description: `${id} questions`,
          questionCount: 100,
        })),
      },
    });
    renderApp('/r/luigis/t/7/choose/questions');
    await screen.findByRole('link', { name: /^Mature/ });
    await waitFor(() => expect(screen.queryByRole('link', { name: /^Exploring/ })).not.toBeInTheDocument());
    expect(screen.queryByRole('link', { name: /^Established/ })).not.toBeInTheDocument();
  });

  it('sends an unknown choice back to the first question', () => {
    fakeApi({ 'GET /api/contexts': { status: 200, body: [] } });
    const { path } = renderApp('/r/luigis/t/7/romantic');
    expect(path()).toBe('/r/luigis/t/7/choose');
  });
});
