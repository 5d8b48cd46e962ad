import { configure, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';
// Loaded up front so the lazy console route resolves at once, as it would after the first visit.
import '@/app/console/ConsoleApp';

// A console screen waits for several answers in a row (who is signed in, then its data).
configure({ asyncUtilTimeout: 5_000 });

describe('restaurant settings', { timeout: 20_000 }, () => {
  it('saves the name and time zone and says so', async () => {
    let restaurant = { slug: 'luigis', name: 'Luigi’s', timeZone: 'Europe/Rome', active: true };
    const { requests } = fakeApi({
      'GET /api/console/me': {
        status: 200,
        body: {
          user: { email: 'maria@example.com', role: 'MANAGER', restaurants: [{ slug: 'luigis', name: 'Luigi’s' }] },
        },
      },
      'GET /api/console/restaurants/luigis': () => ({ status: 200, body: { restaurant } }),
      'PATCH /api/console/restaurants/luigis': ({ body }) => {
        restaurant = { ...restaurant, ...(typeof body === 'object' && body !== null ? body : {}) };
        return { status: 200, body: { restaurant } };
      },
    });
    const { user } = renderApp('/console/restaurants/luigis/settings');
    const name = await screen.findByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('Luigi’s');
    await user.clear(name);
    await user.type(name, 'Luigi’s Trattoria');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(await screen.findByText('Luigi’s Trattoria', { selector: 'p' })).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({
      name: 'Luigi’s Trattoria',
      timeZone: 'Europe/Rome',
    });
  });
});
