import { configure, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';
// Loaded up front so the lazy console route resolves at once, as it would after the first visit.
import '@/app/console/ConsoleApp';

// A console screen waits for several answers in a row (who is signed in, then its data).
configure({ asyncUtilTimeout: 5_000 });

const admin = { user: { email: 'ops@example.com', role: 'ADMIN', restaurants: [] } };
const luigis = { slug: 'luigis', name: 'Luigi’s', timeZone: 'Europe/Rome', active: true };

async function signIn(user: ReturnType<typeof renderApp>['user'], password: string) {
  await user.type(await screen.findByRole('textbox', { name: 'Email' }), 'ops@example.com');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in', { timeout: 20_000 }, () => {
  it('signs in with the cookie and goes where the person was heading', async () => {
    let signedIn = false;
    const { requests, fetchMock } = fakeApi({
      'POST /api/console/sign-in': () => {
        signedIn = true;
        return { status: 200, body: { user: { email: 'ops@example.com', role: 'ADMIN' } } };
      },
      'GET /api/console/me': () => (signedIn ? { status: 200, body: admin } : apiError(401, 'unauthorized')),
      'GET /api/console/restaurants': { status: 200, body: { restaurants: [luigis] } },
    });
    const { user, path } = renderApp('/console/restaurants');
    // Not signed in yet: the 401 leads to sign-in, and back after it.
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Sign in to the console' })).toHaveFocus(),
    );
    await signIn(user, 'correct horse battery staple');
    expect(await screen.findByRole('link', { name: 'Luigi’s' })).toBeInTheDocument();
    expect(path()).toBe('/console/restaurants');
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      email: 'ops@example.com',
      password: 'correct horse battery staple',
    });
    expect(fetchMock.mock.calls.every(([, init]) => init?.credentials === 'include')).toBe(true);
  });

  it('says when the email and password do not match, and clears the password', async () => {
    fakeApi({ 'POST /api/console/sign-in': apiError(401, 'invalid_credentials') });
    const { user, path } = renderApp('/console/sign-in');
    await signIn(user, 'wrong password here');
    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password don’t match an account.');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveValue('ops@example.com');
    expect(path()).toBe('/console/sign-in');
  });

  it('says how long to wait when rate limited', async () => {
    fakeApi({ 'POST /api/console/sign-in': { ...apiError(429, 'rate_limited'), headers: { 'Retry-After': '42' } } });
    const { user } = renderApp('/console/sign-in');
    await signIn(user, 'another try 123');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Please wait 42 seconds');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled());
  });

  it('never follows a next that leaves the console', async () => {
    fakeApi({
      'POST /api/console/sign-in': { status: 200, body: { user: { email: 'ops@example.com', role: 'ADMIN' } } },
      'GET /api/console/me': { status: 200, body: admin },
      'GET /api/console/restaurants': { status: 200, body: { restaurants: [] } },
    });
    const { user, path } = renderApp('/console/sign-in?next=https%3A%2F%2Fevil.example%2F');
    await signIn(user, 'correct horse battery staple');
    await waitFor(() => expect(path()).toBe('/console/restaurants'));
  });
});
