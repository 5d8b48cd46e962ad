import { configure, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';
// Loaded up front so the lazy console route resolves at once, as it would after the first visit.
import '@/app/console/ConsoleApp';

// A console screen waits for several answers in a row (who is signed in, then its data).
configure({ asyncUtilTimeout: 5_000 });

const admin = { user: { email: 'ops@example.com', role: 'ADMIN', restaurants: [] } };
const luigis = { slug: 'luigis', name: 'Luigi’s', timeZone: 'Europe/Rome', active: true };

describe('restaurants and the audit log', { timeout: 20_000 }, () => {
  it('lets an admin create a restaurant and opens it', async () => {
    const { requests } = fakeApi({
      'GET /api/console/me': { status: 200, body: admin },
      'GET /api/console/restaurants': { status: 200, body: { restaurants: [] } },
      'POST /api/console/restaurants': { status: 201, body: { restaurant: luigis } },
      'GET /api/console/restaurants/luigis': { status: 200, body: { restaurant: luigis } },
      'GET /api/console/restaurants/luigis/tables': { status: 200, body: { tables: [] } },
    });
    const { user, path } = renderApp('/console');
    expect(await screen.findByText(/No restaurants yet/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Luigi’s');
    const timeZone = screen.getByRole('combobox', { name: 'Time zone' });
    await user.clear(timeZone);
    await user.type(timeZone, 'Europe/Rome');
    await user.click(screen.getByRole('button', { name: 'Create restaurant' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tables' })).toBeInTheDocument();
    expect(path()).toBe('/console/restaurants/luigis');
    // No slug typed: the server makes one from the name.
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      name: 'Luigi’s',
      timeZone: 'Europe/Rome',
    });
  });

  it('shows the server’s word when the slug is taken', async () => {
    fakeApi({
      'GET /api/console/me': { status: 200, body: admin },
      'GET /api/console/restaurants': { status: 200, body: { restaurants: [luigis] } },
      'POST /api/console/restaurants': apiError(409, 'conflict', { message: 'The address luigis is taken.' }),
    });
    const { user } = renderApp('/console/restaurants');
    await user.type(await screen.findByRole('textbox', { name: 'Name' }), 'Luigi’s');
    await user.type(screen.getByRole('textbox', { name: /Web address/ }), 'luigis');
    await user.click(screen.getByRole('button', { name: 'Create restaurant' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The address luigis is taken.');
  });

  it('deactivates a restaurant', async () => {
    let restaurants = [luigis];
    const { requests } = fakeApi({
      'GET /api/console/me': { status: 200, body: admin },
      'GET /api/console/restaurants': () => ({ status: 200, body: { restaurants } }),
      'PATCH /api/console/restaurants/luigis': () => {
        restaurants = [{ ...luigis, active: false }];
        return { status: 200, body: { restaurant: restaurants[0] } };
      },
    });
    const { user } = renderApp('/console/restaurants');
    await user.click(await screen.findByRole('button', { name: 'Deactivate Luigi’s' }));
    expect(await screen.findByRole('button', { name: 'Reactivate Luigi’s' })).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ active: false });
  });

  it('shows a manager only their restaurants, without creating or the audit log', async () => {
    fakeApi({
      'GET /api/console/me': {
        status: 200,
        body: { user: { email: 'maria@example.com', role: 'MANAGER', restaurants: [] } },
      },
      'GET /api/console/restaurants': { status: 200, body: { restaurants: [] } },
    });
    renderApp('/console/restaurants');
    expect(await screen.findByText('You don’t manage any restaurant yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create restaurant' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Audit log' })).toBeNull();
  });

  it('pages through the audit log', async () => {
    const entry = (id: number, action: string) => ({
      id,
      at: '2026-11-29T19:00:00Z',
      actor: 'ops@example.com',
      action,
      restaurant: 'luigis',
      details: { count: 12 },
    });
    fakeApi({
      'GET /api/console/me': { status: 200, body: admin },
      'GET /api/console/audit': ({ url }) => ({
        status: 200,
        body: { entries: url.searchParams.get('before') === '5' ? [entry(4, 'tables.add')] : [entry(5, 'invite')] },
      }),
    });
    const { user } = renderApp('/console/audit');
    expect(await screen.findByRole('cell', { name: 'invite' })).toBeInTheDocument();
    expect(screen.getAllByRole('cell', { name: 'count: 12' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Show older entries' }));
    expect(await screen.findByRole('cell', { name: 'tables.add' })).toBeInTheDocument();
  });
});
