import { configure, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';
// Loaded up front so the lazy console route resolves at once, as it would after the first visit.
import '@/app/console/ConsoleApp';

// A console screen waits for several answers in a row (who is signed in, then its data).
configure({ asyncUtilTimeout: 5_000 });

const manager = {
  user: { email: 'maria@example.com', role: 'MANAGER', restaurants: [{ slug: 'luigis', name: 'Luigi’s' }] },
};

describe('invite acceptance', { timeout: 20_000 }, () => {
  it('shows the password rules up front, sets the password and opens the console', async () => {
    const { requests } = fakeApi({
      'GET /api/console/invites/tok-1': {
        status: 200,
        body: {
          invite: { email: 'maria@example.com', role: 'MANAGER', restaurant: { slug: 'luigis', name: 'Luigi’s' } },
        },
      },
      'POST /api/console/invites/tok-1/accept': {
        status: 200,
        body: { user: { email: 'maria@example.com', role: 'MANAGER' } },
      },
      'GET /api/console/me': { status: 200, body: manager },
      'GET /api/console/restaurants/luigis': {
        status: 200,
        body: { restaurant: { slug: 'luigis', name: 'Luigi’s', timeZone: 'Europe/Rome', active: true } },
      },
      'GET /api/console/restaurants/luigis/tables': { status: 200, body: { tables: [] } },
    });
    const { user, path } = renderApp('/console/invite/tok-1');
    expect(await screen.findByText('maria@example.com')).toBeInTheDocument();
    const password = screen.getByLabelText('New password');
    expect(password).toHaveAccessibleDescription(
      /at least 12 characters.*not your email address.*most common passwords/,
    );
    await user.type(password, 'a long and quiet evening');
    await user.type(screen.getByLabelText('Repeat the password'), 'a long and quiet evening');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    // A manager of one restaurant starts on its tables.
    await waitFor(() => expect(path()).toBe('/console/restaurants/luigis'));
    expect(requests.find((request) => request.method === 'POST')).toMatchObject({
      path: '/api/console/invites/tok-1/accept',
      body: { password: 'a long and quiet evening' },
    });
  });

  it('shows the server’s reason when it refuses the password', async () => {
    fakeApi({
      'GET /api/console/invites/tok-1': {
        status: 200,
        body: {
          invite: { email: 'maria@example.com', role: 'MANAGER', restaurant: { slug: 'luigis', name: 'Luigi’s' } },
        },
      },
      'POST /api/console/invites/tok-1/accept': {
        status: 400,
        body: { error: 'invalid_request', message: 'This password is one of the most common ones.' },
      },
    });
    const { user } = renderApp('/console/invite/tok-1');
    await user.type(await screen.findByLabelText('New password'), 'password1234');
    await user.type(screen.getByLabelText('Repeat the password'), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This password is one of the most common ones.');
  });

  it('asks for the same password twice before sending it', async () => {
    const { requests } = fakeApi({
      'GET /api/console/invites/tok-1': {
        status: 200,
        body: {
          invite: { email: 'maria@example.com', role: 'MANAGER', restaurant: { slug: 'luigis', name: 'Luigi’s' } },
        },
      },
    });
    const { user } = renderApp('/console/invite/tok-1');
    await user.type(await screen.findByLabelText('New password'), 'a long and quiet evening');
    await user.type(screen.getByLabelText('Repeat the password'), 'a long and quiet morning');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    expect(screen.getByLabelText('Repeat the password')).toHaveAccessibleDescription(
      'The two passwords are not the same.',
    );
    expect(requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it.each([404, 410])('explains a dead invite link (%i)', async (status) => {
    fakeApi({ 'GET /api/console/invites/tok-old': apiError(status, status === 404 ? 'not_found' : 'gone') });
    renderApp('/console/invite/tok-old');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This invite link no longer works' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to sign-in' })).toHaveAttribute('href', '/console/sign-in');
  });
});
