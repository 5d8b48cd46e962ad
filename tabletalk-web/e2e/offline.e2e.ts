import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  cardText,
  expectAccessible,
  expectOnlyOwnOrigin,
  launchChromium,
  openPhone,
  type Phone,
  screenshot,
  startSession,
  uniqueTable,
} from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** The session as the service has it (the test runner's own request, not the phone's). */
async function onServer(sessionId: string): Promise<{ position: number; version: number }> {
  const response = await fetch(`${baseUrl}/api/sessions/${sessionId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { position: number; version: number };
}

const offlineBanner = 'You’re offline — the cards go on; we’ll catch up when you’re back.';
const apart = 'Your phones can’t reach each other right now';

describe('one phone on weak restaurant Wi-Fi', () => {
  let phone: Phone;

  beforeAll(async () => {
    phone = await openPhone(browser);
  });

  afterAll(async () => {
    await phone?.context.close();
  });

  it('goes on through five cards offline, and a reload, and catches the session up when the network is back', async () => {
    const { page, context } = phone;
    const sessionId = await startSession(page, uniqueTable('e2e-offline'), 'Exploring', 'One phone');
    await page.getByText('Card 1', { exact: true }).waitFor();

    // The app is installable: a manifest with the name and icons; a service worker takes the page.
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      return link ? ((await (await fetch(link.href)).json()) as { name: string; icons: { src: string }[] }) : null;
    });
    expect(manifest?.name).toBe('Table-Talk');
    expect(manifest?.icons.length).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 })
      .toBe(true);
    // The rest of the deck is kept in the tab.
    await expect
      .poll(() => page.evaluate((id) => sessionStorage.getItem(`tabletalk.deck.${id}`) !== null, sessionId), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(await onServer(sessionId)).toMatchObject({ position: 0 });
    const seen = [await cardText(page)];

    await context.setOffline(true);
    await page.getByText(offlineBanner).waitFor();
    await screenshot(page, '61-offline-card');
    await expectAccessible(page, 'card while offline (one phone)');

    for (let card = 2; card <= 6; card++) {
      await page.getByRole('button', { name: 'Next card' }).click();
      if (card === 6) {
        // After five cards this phone is asked once whether it would recommend us, offline as online.
        await page.getByRole('heading', { name: /How likely are you to recommend/ }).waitFor();
        expect(await page.getByText(offlineBanner).isVisible()).toBe(true);
        await page.getByRole('button', { name: 'Skip' }).click();
      }
      await page.getByText(`Card ${card}`, { exact: true }).waitFor();
      seen.push(await cardText(page));
      expect(await page.getByText(offlineBanner).isVisible()).toBe(true);
    }
    expect(new Set(seen).size).toBe(6);
    // A hint shows offline too (the kept deck has it), where the card has one.
    if ((await page.getByRole('button', { name: 'Show hint' }).count()) > 0) {
      await page.getByRole('button', { name: 'Show hint' }).click();
      await page.getByRole('complementary', { name: 'Hint' }).waitFor();
    }
    await screenshot(page, '62-offline-sixth-card');
    await expectAccessible(page, 'sixth card while offline (one phone)');
    expect(await onServer(sessionId)).toMatchObject({ position: 0 });

    // The shell itself opens without the network, from the service worker's cache.
    const other = await context.newPage();
    await other.goto('/');
    await other.locator('h1').first().waitFor();
    expect(await other.title()).toMatch(/Table-Talk$/);
    await other.close();

    // A reload without the network opens the shell from the cache and goes on from the same card.
    await page.reload();
    await page.getByText('Card 6', { exact: true }).waitFor();
    await page.getByText(offlineBanner).waitFor();
    expect(await cardText(page)).toBe(seen[5]);
    await page.getByRole('button', { name: 'Next card' }).click();
    await page.getByText('Card 7', { exact: true }).waitFor();
    seen.push(await cardText(page));
    expect(new Set(seen).size).toBe(7);
    await screenshot(page, '63-offline-after-reload');
    expect(await onServer(sessionId)).toMatchObject({ position: 0 });

    await context.setOffline(false);
    await expect.poll(async () => (await onServer(sessionId)).position, { timeout: 30_000 }).toBe(6);
    await page.getByText(offlineBanner).waitFor({ state: 'detached' });
    expect(await cardText(page)).toBe(seen[6]);
    await page.getByText('Card 7', { exact: true }).waitFor();
    await screenshot(page, '64-back-online');

    // Online again, a tap goes to the service as before.
    await page.getByRole('button', { name: 'Next card' }).click();
    await expect.poll(async () => (await onServer(sessionId)).position).toBe(7);
    await page.getByText('Card 8', { exact: true }).waitFor();
    expectOnlyOwnOrigin(phone);
  });
});

describe('two phones that lose each other', () => {
  let first: Phone;
  let second: Phone;

  beforeAll(async () => {
    first = await openPhone(browser);
    second = await openPhone(browser, { colorScheme: 'dark' });
  });

  afterAll(async () => {
    await first?.context.close();
    await second?.context.close();
  });

  const partnerConnected = (page: Page) => page.getByText('Partner connected').waitFor({ timeout: 30_000 });

  it('says so on both phones while one is offline, and clears once it is back', async () => {
    const sessionId = await startSession(first.page, uniqueTable('e2e-apart'), 'Exploring', 'Two phones');
    await second.page.goto(`/s/${sessionId}/join`);
    await second.page.waitForURL(`**/s/${sessionId}`);
    await partnerConnected(first.page);
    await partnerConnected(second.page);

    await second.context.setOffline(true);
    await first.page.getByText(apart).waitFor({ timeout: 30_000 });
    await second.page.getByText(apart).waitFor();
    await second.page.getByText('Reconnecting…').waitFor();
    expect(await second.page.getByText('You’re offline').count()).toBe(0);
    await screenshot(first.page, '65-dual-partner-unreachable');
    await screenshot(second.page, '66-dual-this-phone-offline');
    await expectAccessible(first.page, 'partner unreachable (two phones)');
    await expectAccessible(second.page, 'this phone offline (two phones, dark)');

    await second.context.setOffline(false);
    await partnerConnected(first.page);
    await partnerConnected(second.page);
    expect(await first.page.getByText(apart).count()).toBe(0);
    await second.page.getByText('Reconnecting…').waitFor({ state: 'detached' });
    expectOnlyOwnOrigin(first);
    expectOnlyOwnOrigin(second);
  });
});
