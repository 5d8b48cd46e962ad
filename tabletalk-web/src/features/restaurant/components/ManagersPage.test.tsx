import { configure, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';
// Loaded up front so the lazy console route resolves at once, as it would after the first visit.
import '@/app/console/ConsoleApp';

// A console screen waits for several answers in a row (who is signed in, then its data).
configure({ asyncUtilTimeout: 5_000 });

const me = {
  user: { email: 'maria@example.com', role: 'MANAGER', restaurants: [{ slug: 'luigis', name: 'Luigi’s' }] },
};
const luigis = { restaurant: { slug: 'luigis', name: 'Luigi’s', timeZone: 'Europe/Rome', active: true } };

function managersService(options: { emailed: boolean }) {
  const managers = [{ email: 'maria@example.com' }];
  return fakeApi({
    'GET /api/console/me': { status: 200, body: me },
    'GET /api/console/restaurants/luigis': { status: 200, body: luigis },
    'GET /api/console/restaurants/luigis/managers': () => ({ status: 200, body: { managers } }),
    'POST /api/console/restaurants/luigis/invites': ({ body }) => {
      if (typeof body !== 'object' || body === null || !('email' in body)) return apiError(400, 'invalid_request');
      if (body.email === 'maria@example.com') return apiError(409, 'conflict', { message: 'Already a manager.' });
      return {
        status: 201,
        body: { link: 'https://tabletalk.example/console/invite/tok-9', emailed: options.emailed },
      };
    },
  });
}

describe('managers page', { timeout: 20_000 }, () => {
  it('lists the managers and invites one, showing the link to copy when email is not configured', async () => {
    const { requests } = managersService({ emailed: false });
    const { user } = renderApp('/console/restaurants/luigis/managers');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Managers' })).toHaveFocus());
    expect(await screen.findByText('maria@example.com')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Their email' }), 'giorgio@example.com');
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText(/Email is not configured here, so nothing was sent/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Invite link for giorgio@example.com' })).toHaveValue(
      'https://tabletalk.example/console/invite/tok-9',
    );
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ email: 'giorgio@example.com' });
  });

  it('says the invite was emailed when it was', async () => {
    managersService({ emailed: true });
    const { user } = renderApp('/console/restaurants/luigis/managers');
    await user.type(await screen.findByRole('textbox', { name: 'Their email' }), 'giorgio@example.com');
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByText(/The invite was emailed to giorgio@example.com/)).toBeInTheDocument();
  });

  it('shows the server’s word when the invite is refused', async () => {
    managersService({ emailed: false });
    const { user } = renderApp('/console/restaurants/luigis/managers');
    await user.type(await screen.findByRole('textbox', { name: 'Their email' }), 'maria@example.com');
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Already a manager.');
  });

  it('says when nobody manages the restaurant yet', async () => {
    const { requests } = fakeApi({
      'GET /api/console/me': { status: 200, body: me },
      'GET /api/console/restaurants/luigis': { status: 200, body: luigis },
      'GET /api/console/restaurants/luigis/managers': { status: 200, body: { managers: [] } },
    });
    renderApp('/console/restaurants/luigis/managers');
    expect(await screen.findByText(/Nobody manages this restaurant yet/)).toBeInTheDocument();
    expect(requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('removes a manager from the list', async () => {
    let managers = [
      { email: 'maria@example.com', role: 'MANAGER' },
      { email: 'giorgio@example.com', role: 'MANAGER' },
    ];
    const { requests } = fakeApi({
      'GET /api/console/me': { status: 200, body: me },
      'GET /api/console/restaurants/luigis': { status: 200, body: luigis },
      'GET /api/console/restaurants/luigis/managers': () => ({ status: 200, body: { managers } }),
      'DELETE /api/console/restaurants/luigis/managers/giorgio%40example.com': () => {
        managers = managers.filter((manager) => manager.email !== 'giorgio@example.com');
        return { status: 204 };
      },
    });
    const { user } = renderApp('/console/restaurants/luigis/managers');
    await user.click(await screen.findByRole('button', { name: 'Remove giorgio@example.com' }));
    expect(await screen.findByText('giorgio@example.com no longer manages this restaurant.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove giorgio@example.com' })).toBeNull());
    expect(requests.some((request) => request.method === 'DELETE')).toBe(true);
  });
});
