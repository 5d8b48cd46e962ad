import { configure, screen, waitFor, within } from '@testing-library/react';
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

  it('asks diners about recommending after the chosen number of cards, or follows the default', async () => {
    let restaurant: Record<string, unknown> = {
      slug: 'luigis',
      name: 'Luigi’s',
      timeZone: 'Europe/Rome',
      active: true,
      recommendAfterCards: null,
      defaultRecommendAfterCards: 5,
    };
    const { requests } = fakeApi({
      'GET /api/console/me': {
        status: 200,
        body: { user: { email: 'maria@example.com', role: 'MANAGER', restaurants: [] } },
      },
      'GET /api/console/restaurants/luigis': () => ({ status: 200, body: { restaurant } }),
      'PATCH /api/console/restaurants/luigis': ({ body }) => {
        restaurant = { ...restaurant, ...(typeof body === 'object' && body !== null ? body : {}) };
        return { status: 200, body: { restaurant } };
      },
    });
    const { user } = renderApp('/console/restaurants/luigis/settings');
    const cards = await screen.findByRole('textbox', { name: /recommend us after N cards/ });
    expect(cards).toHaveValue('');
    expect(cards).toHaveAttribute('placeholder', '5 (default)');
    expect(cards).toHaveAccessibleDescription(/0 never asks.*platform default \(now 5 cards\)/);
    const save = screen.getByRole('button', { name: 'Save settings' });

    await user.type(cards, '51');
    expect(cards).toHaveAccessibleDescription(/from 0 to 50/);
    expect(save).toBeDisabled();

    await user.clear(cards);
    await user.type(cards, '8');
    await user.click(save);
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    const patches = () => requests.filter((request) => request.method === 'PATCH').map((request) => request.body);
    expect(patches()).toEqual([{ name: 'Luigi’s', timeZone: 'Europe/Rome', recommendAfterCards: 8 }]);

    // Emptied: back to the platform's default.
    await user.clear(cards);
    await user.click(save);
    await waitFor(() => expect(patches()).toHaveLength(2));
    expect(patches()[1]).toEqual({ name: 'Luigi’s', timeZone: 'Europe/Rome', recommendAfterCards: null });
  });

  it('offers the chosen kinds of questions, sends them only when changed and refuses none', async () => {
    let restaurant: Record<string, unknown> = {
      slug: 'luigis',
      name: 'Luigi’s',
      timeZone: 'Europe/Rome',
      active: true,
      contexts: ['mature', 'exploring'],
    };
    const { requests } = fakeApi({
      'GET /api/console/me': {
        status: 200,
        body: { user: { email: 'maria@example.com', role: 'MANAGER', restaurants: [] } },
      },
      'GET /api/console/restaurants/luigis': () => ({ status: 200, body: { restaurant } }),
      'PATCH /api/console/restaurants/luigis': ({ body }) => {
        restaurant = { ...restaurant, ...(typeof body === 'object' && body !== null ? body : {}) };
        return { status: 200, body: { restaurant } };
      },
    });
    const { user } = renderApp('/console/restaurants/luigis/settings');
    const group = await screen.findByRole('group', { name: 'Kinds of questions offered' });
    const exploring = within(group).getByRole('checkbox', { name: 'Exploring' });
    const established = within(group).getByRole('checkbox', { name: 'Established' });
    const mature = within(group).getByRole('checkbox', { name: 'Mature' });
    expect([exploring, established, mature].map((box) => (box as HTMLInputElement).checked)).toEqual([
      true,
      false,
      true,
    ]);
    const save = screen.getByRole('button', { name: 'Save settings' });
    const patches = () => requests.filter((request) => request.method === 'PATCH').map((request) => request.body);

    // Unchanged (the service's order aside): not sent.
    await user.click(save);
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(patches()).toEqual([{ name: 'Luigi’s', timeZone: 'Europe/Rome' }]);

    await user.click(exploring);
    await user.click(mature);
    expect(within(group).getByRole('alert')).toHaveTextContent('Choose at least one kind of question.');
    expect(save).toBeDisabled();

    await user.click(established);
    await user.click(save);
    await waitFor(() => expect(patches()).toHaveLength(2));
    expect(patches()[1]).toEqual({ name: 'Luigi’s', timeZone: 'Europe/Rome', contexts: ['established'] });
  });
});
