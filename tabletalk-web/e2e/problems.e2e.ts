import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  baseUrl,
  cardText,
  expectAccessible,
  expectNoHorizontalScroll,
  expectOnlyOwnOrigin,
  launchChromium,
  openPhone,
  type Phone,
  screenshot,
  smallPhone,
  startSession,
  uniqueTable,
} from './support';

let browser: Browser;
let phone: Phone;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  phone = await openPhone(browser);
});

afterEach(async () => {
  await phone?.context.close();
});

describe('the way in', () => {
  it('explains the app at / and opens a typed code', async () => {
    const { page } = phone;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Conversation cards for the dinner table' }).waitFor();
    await screenshot(page, '20-home');
    await expectAccessible(page, 'home');
    await page.getByRole('textbox', { name: 'Table code' }).fill('window-4');
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Table-Talk' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/t/window-4');
  });

  it('loads the scanner only when asked, from our own origin, and falls back gently without a camera', async () => {
    const { page } = phone;
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const scriptsBefore = phone.requests.filter((url) => url.endsWith('.js')).length;
    await page.getByRole('button', { name: 'Scan your table’s code' }).click();
    // Headless Chromium here has no camera: the scanner must say so and point to typing the code.
    await page.getByText(/Type the code printed on your table instead/).waitFor();
    expect(phone.requests.filter((url) => url.endsWith('.js')).length).toBeGreaterThan(scriptsBefore);
    await screenshot(page, '21-scanner-no-camera');
    expectOnlyOwnOrigin(phone);
  });

  it('says a malformed table code does not look right', async () => {
    const { page } = phone;
    await page.goto('/t/not%20a%20code!');
    await page.getByRole('heading', { level: 1, name: 'This code doesn’t look right' }).waitFor();
    await screenshot(page, '22-bad-code');
    await expectAccessible(page, 'bad table code');
  });
});

describe('sessions that cannot be played', () => {
  it('shows the unknown-session screen', async () => {
    const { page } = phone;
    await page.goto('/s/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'We can’t find this session' }).waitFor();
    await screenshot(page, '23-unknown-session');
    await expectAccessible(page, 'unknown session');
  });

  it('shows the expired screen with a way back to the table (410 session_expired mocked)', async () => {
    // The service cannot be fast-forwarded an hour from here, so its 410 answer is stood in for.
    const { page } = phone;
    const table = uniqueTable('e2e-expired');
    const sessionId = await startSession(page, table, 'Exploring', 'One phone');
    await page.route(`**/api/sessions/${sessionId}/participants`, (route) =>
      route.fulfill({
        status: 410,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'session_expired', message: 'This session has expired.' }),
      }),
    );
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'This session has expired' }).waitFor();
    expect(await page.getByRole('link', { name: 'Start a new one' }).getAttribute('href')).toBe(`/t/${table}`);
    await screenshot(page, '24-expired');
    await expectAccessible(page, 'expired');
  });

  it('keeps trying with a visible status while the server is unreachable, then carries on', async () => {
    const { page } = phone;
    await page.route('**/api/contexts', (route) => route.abort('connectionrefused'));
    await page.goto(`/t/${uniqueTable('e2e-offline')}/choose/questions`);
    await page.getByRole('heading', { level: 1, name: 'We can’t reach Table-Talk' }).waitFor();
    await page.getByText(/Trying again in \d+ s/).waitFor();
    await screenshot(page, '25-unreachable');
    await expectAccessible(page, 'unreachable');

    await page.unroute('**/api/contexts');
    await page.getByRole('button', { name: 'Try again now' }).click();
    await page.getByRole('link', { name: /^Exploring/ }).waitFor();
  });

  it('shows "Reconnecting…" while the live channel is down and then the right card, never a stale one', async () => {
    const { page } = phone;
    // The live socket goes through the test, which can cut it and refuse reconnects for a while.
    let refuse = false;
    const cut: (() => void)[] = [];
    await page.routeWebSocket(/\/api\/sessions\/[^/]+\/live$/, (socket) => {
      if (refuse) {
        socket.close({ code: 1011, reason: 'test refuses' });
        return;
      }
      const server = socket.connectToServer();
      cut.push(() => {
        socket.close({ code: 1001, reason: 'test cuts' });
        server.close();
      });
    });
    const sessionId = await startSession(page, uniqueTable('e2e-reconnect'), 'Exploring', 'One phone');
    const firstCard = await cardText(page);
    await expect.poll(() => cut.length).toBeGreaterThan(0);
    const cardTop = async () => (await page.getByRole('article').boundingBox())?.y;
    const topBefore = await cardTop();

    refuse = true;
    cut.at(-1)?.();
    await page.getByText('Reconnecting…').waitFor();
    // The note floats over the page: nothing moves under a finger about to tap.
    expect(await cardTop()).toBe(topBefore);
    await screenshot(page, '26-reconnecting');

    // Meanwhile the session moves on (another tap that this socket cannot hear about).
    const stored = await page.evaluate((id) => window.localStorage.getItem(`tabletalk.participant.${id}`), sessionId);
    const { token } = JSON.parse(stored ?? '{}') as { token: string };
    const current = (await (await fetch(`${baseUrl}/api/sessions/${sessionId}`)).json()) as { version: number };
    const moved = await fetch(`${baseUrl}/api/sessions/${sessionId}/commands`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ type: 'next', version: current.version }),
    });
    expect(moved.status).toBe(200);

    refuse = false;
    await page.getByText('Reconnecting…').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByText('Card 2', { exact: true }).waitFor();
    expect(await cardText(page)).not.toBe(firstCard);
  });

  it('fits a 320 px screen on the problem screens too', async () => {
    const small = await openPhone(browser, { viewport: smallPhone });
    try {
      await small.page.goto('/t/bad%20code');
      await small.page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoHorizontalScroll(small.page);
    } finally {
      await small.context.close();
    }
  });
});
