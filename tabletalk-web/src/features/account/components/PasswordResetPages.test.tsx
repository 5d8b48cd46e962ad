import { configure, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';
// Loaded up front so the lazy console route resolves at once, as it would after the first visit.
import '@/app/console/ConsoleApp';

// A console screen waits for several answers in a row (who is signed in, then its data).
configure({ asyncUtilTimeout: 5_000 });

describe('password reset', { timeout: 20_000 }, () => {
  it('asks for a link without saying whether the email has an account', async () => {
    const { requests } = fakeApi({ 'POST /api/console/password-resets': { status: 202 } });
    const { user } = renderApp('/console/reset');
    await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'maria@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('If this email has an account, a reset link is on its way.'),
    );
    expect(requests[0]).toMatchObject({ method: 'POST', body: { email: 'maria@example.com' } });
  });

  it('sets the new password from the link and opens the console', async () => {
    const { requests } = fakeApi({
      'POST /api/console/password-resets/tok-r/complete': {
        status: 200,
        body: { user: { email: 'ops@example.com', role: 'ADMIN' } },
      },
      'GET /api/console/me': {
        status: 200,
        body: { user: { email: 'ops@example.com', role: 'ADMIN', restaurants: [] } },
      },
      'GET /api/console/restaurants': { status: 200, body: { restaurants: [] } },
    });
    const { user, path } = renderApp('/console/reset/tok-r');
    await user.type(await screen.findByLabelText('New password'), 'a long and quiet evening');
    await user.type(screen.getByLabelText('Repeat the password'), 'a long and quiet evening');
    await user.click(screen.getByRole('button', { name: 'Save password and sign in' }));
    await waitFor(() => expect(path()).toBe('/console/restaurants'));
    expect(requests[0]).toMatchObject({
      path: '/api/console/password-resets/tok-r/complete',
      body: { password: 'a long and quiet evening' },
    });
  });
});
