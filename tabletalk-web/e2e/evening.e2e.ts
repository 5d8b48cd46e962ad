// The end of an evening (the same warm goodbye on both phones, with who ended it, a recap and a new
// deck at the same table), the in-app light/dark choice, and a restaurant's table named on the way in
// and above the cards.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  baseUrl,
  expectAccessible,
  expectNoHorizontalScroll,
  expectOnlyOwnOrigin,
  launchChromium,
  openPhone,
  type Phone,
  screenshot,
  startSession,
  uniqueTable,
} from './support';

const spareAdminInviteLink = inject('spareAdminInviteLink');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const darkBackground = 'rgb(28, 23, 20)';
const lightBackground = 'rgb(250, 246, 241)';

function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
}

function theme(page: Page) {
  return page.getByRole('combobox', { name: 'Theme' });
}

async function endSession(page: Page, dual: boolean) {
  await page.getByRole('button', { name: 'End session' }).click();
  const confirm = page.getByRole('group', { name: dual ? 'End the session on both phones?' : 'End the session?' });
  await confirm.getByRole('button', { name: 'End', exact: true }).click();
}

async function expectEnding(page: Page, who: string, cards: string) {
  await page.getByRole('heading', { level: 1, name: 'Thank you for talking' }).waitFor();
  await page.getByText(who).waitFor();
  expect(await page.locator('[data-recap="cards"]').innerText()).toBe(cards);
  expect(await page.locator('[data-recap="time"]').innerText()).toBe('under a minute');
}

/** Checks the screen at 320×568 with a 32 px root font (200 % text): nothing may scroll sideways. */
async function expectFitsSmallScreenAtDoubleText(page: Page) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 568 });
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '32px', 'important'));
  await expectNoHorizontalScroll(page);
  await page.evaluate(() => document.documentElement.style.removeProperty('font-size'));
  if (viewport) await page.setViewportSize(viewport);
}

describe('the end of an evening on two phones', () => {
  let first: Phone;
  let second: Phone;
  let table = '';
  let sessionId = '';

  beforeAll(async () => {
    first = await openPhone(browser);
    second = await openPhone(browser, { colorScheme: 'dark' });
  });

  afterAll(async () => {
    await first?.context.close();
    await second?.context.close();
  });

  it('shows both phones the same goodbye, says who ended it and counts the cards played', async () => {
    table = uniqueTable('evening');
    sessionId = await startSession(first.page, table, 'Exploring', 'Two phones');
    await second.page.goto(`/s/${sessionId}/join`);
    await second.page.waitForURL(`**/s/${sessionId}`);
    await first.page.getByText('Partner connected').waitFor();
    for (const card of [2, 3]) {
      await first.page.getByRole('button', { name: 'Next card' }).click();
      await second.page.getByRole('button', { name: 'Next card' }).click();
      await first.page.getByText(`Card ${card}`, { exact: true }).waitFor();
      await second.page.getByText(`Card ${card}`, { exact: true }).waitFor();
    }

    await endSession(first.page, true);

    await expectEnding(first.page, 'You ended the evening.', '3 cards');
    await expectEnding(second.page, 'Your partner ended the evening.', '3 cards');
    await screenshot(first.page, 'evening-01-ending-you');
    await screenshot(second.page, 'evening-02-ending-partner-dark');
    await expectAccessible(first.page, 'ending (light)');
    await expectAccessible(second.page, 'ending (dark)');
    await expectFitsSmallScreenAtDoubleText(first.page);
    await expectFitsSmallScreenAtDoubleText(second.page);
  });

  it('shows the ending again after a reload', async () => {
    await first.page.reload();
    await expectEnding(first.page, 'You ended the evening.', '3 cards');
    await second.page.reload();
    await expectEnding(second.page, 'Your partner ended the evening.', '3 cards');
  });

  it('starts another deck at the same table', async () => {
    await second.page.getByRole('link', { name: 'Start another deck' }).click();
    await second.page.waitForURL(`**/t/${table}`);
    await second.page.getByRole('heading', { level: 1, name: 'Welcome to Table-Talk' }).waitFor();
    expectOnlyOwnOrigin(first);
    expectOnlyOwnOrigin(second);
  });
});

describe('the end of an evening on one phone', () => {
  it('says goodbye with the cards played and leads back to the table', async () => {
    const single = await openPhone(browser);
    try {
      const table = uniqueTable('evening-one');
      await startSession(single.page, table, 'Exploring', 'One phone');
      await single.page.getByRole('button', { name: 'Next card' }).click();
      await single.page.getByText('Card 2', { exact: true }).waitFor();

      await endSession(single.page, false);

      await expectEnding(single.page, 'You ended the evening.', '2 cards');
      await single.page.reload();
      await expectEnding(single.page, 'You ended the evening.', '2 cards');
      await single.page.getByRole('link', { name: 'Start another deck' }).click();
      await single.page.waitForURL(`**/t/${table}`);
      expectOnlyOwnOrigin(single);
    } finally {
      await single.context.close();
    }
  });
});

describe('light and dark', () => {
  it('switches to dark in the app, keeps it across a reload, and overrides the system both ways', async () => {
    const diner = await openPhone(browser);
    const { page } = diner;
    try {
      await startSession(page, uniqueTable('evening-theme'), 'Exploring', 'One phone');
      expect(await background(page)).toBe(lightBackground);
      await expectAccessible(page, 'session card (light)');

      await theme(page).selectOption({ label: 'Dark' });
      expect(await background(page)).toBe(darkBackground);
      await screenshot(page, 'evening-03-card-dark-chosen');
      await expectAccessible(page, 'session card (dark, chosen)');
      await expectFitsSmallScreenAtDoubleText(page);

      await page.reload();
      await page.getByRole('article').waitFor();
      expect(await theme(page).inputValue()).toBe('dark');
      expect(await background(page)).toBe(darkBackground);

      // Chosen light wins over a dark system, chosen dark over a light one; "System" follows it again.
      await page.emulateMedia({ colorScheme: 'dark' });
      await theme(page).selectOption({ label: 'Light' });
      expect(await background(page)).toBe(lightBackground);
      await screenshot(page, 'evening-04-card-light-on-dark-system');
      await theme(page).selectOption({ label: 'System' });
      expect(await background(page)).toBe(darkBackground);
      await page.emulateMedia({ colorScheme: 'light' });
      expect(await background(page)).toBe(lightBackground);
      await theme(page).selectOption({ label: 'Dark' });
      expect(await background(page)).toBe(darkBackground);

      // The choice holds on every screen, the welcome included.
      await page.goto('/');
      expect(await background(page)).toBe(darkBackground);
      await expectAccessible(page, 'home (dark, chosen)');
      expectOnlyOwnOrigin(diner);
    } finally {
      await diner.context.close();
    }
  });

  it('tones down the QR plate and the primary button in the dark', async () => {
    const diner = await openPhone(browser, { colorScheme: 'dark' });
    const { page } = diner;
    try {
      await startSession(page, uniqueTable('evening-plate'), 'Exploring', 'Two phones');
      const qr = page.getByRole('img', { name: 'QR code that opens this session on another phone' });
      await qr.waitFor();
      expect(await qr.evaluate((img) => getComputedStyle(img).backgroundColor)).toBe('rgb(217, 210, 203)');
      await screenshot(page, 'evening-05-invite-dark');
      await expectAccessible(page, 'dual invite (dark)');
      await expectFitsSmallScreenAtDoubleText(page);
    } finally {
      await diner.context.close();
    }
  });
});

describe('a restaurant’s table', () => {
  const restaurantName = 'Casa Serena';
  const slug = `casa-serena-${Date.now().toString(36)}`;

  it('is named in the welcome, above the cards and on the ending, which leads back to it', async () => {
    expect(
      spareAdminInviteLink,
      'no spare admin invite link: see test-results/e2e-admin-invite-hosts.log (or set E2E_SPARE_ADMIN_INVITE_LINK)',
    ).toMatch(/\/console\/invite\//);
    const host = await openPhone(browser, { viewport: { width: 1280, height: 800 } });
    try {
      const { page } = host;
      await page.goto(spareAdminInviteLink);
      await page.getByLabel('New password').fill('lanterns over the quiet square');
      await page.getByLabel('Repeat the password').fill('lanterns over the quiet square');
      await page.getByRole('button', { name: 'Set password and sign in' }).click();
      await page.waitForURL('**/console/restaurants');
      await page.getByLabel('Name').fill(restaurantName);
      await page.getByLabel('Web address (optional)').fill(slug);
      await page.getByLabel('Time zone').fill('Europe/Rome');
      await page.getByRole('button', { name: 'Create restaurant' }).click();
      await page.waitForURL(`**/console/restaurants/${slug}`);
      await page.getByLabel('Number of tables to add').fill('3');
      await page.getByRole('button', { name: 'Add tables' }).click();
      await page.getByRole('heading', { level: 2, name: '3 tables' }).waitFor();
    } finally {
      await host.context.close();
    }

    for (const scheme of ['light', 'dark'] as const) {
      const diner = await openPhone(browser, { colorScheme: scheme });
      const { page } = diner;
      try {
        await page.goto(`${baseUrl}/r/${slug}/t/2`);
        await expect
          .poll(() => page.getByRole('heading', { level: 1 }).innerText())
          .toBe(`Welcome to ${restaurantName} · Table 2`);
        await screenshot(page, `evening-06-restaurant-welcome-${scheme}`);
        await expectAccessible(page, `restaurant welcome (${scheme})`);
        await expectFitsSmallScreenAtDoubleText(page);

        await page.getByRole('link', { name: 'Let’s begin' }).click();
        await page.getByRole('button', { name: 'Under 6 months' }).click();
        await page.getByRole('button', { name: /One phone/ }).click();
        await page.waitForURL(/\/s\/[0-9a-f-]{36}$/);
        await page.getByRole('article').waitFor();
        await page.getByText(`${restaurantName} · Table 2`).waitFor();
        await screenshot(page, `evening-07-restaurant-session-${scheme}`);
        await expectAccessible(page, `restaurant session (${scheme})`);
        await expectFitsSmallScreenAtDoubleText(page);

        await endSession(page, false);
        await expectEnding(page, 'You ended the evening.', '1 card');
        await page.getByText(`${restaurantName} · Table 2`).waitFor();
        await expectAccessible(page, `restaurant ending (${scheme})`);
        await page.getByRole('link', { name: 'Start another deck' }).click();
        await page.waitForURL(`**/r/${slug}/t/2`);
        await page.getByRole('heading', { level: 1, name: `Welcome to ${restaurantName} · Table 2` }).waitFor();
        expectOnlyOwnOrigin(diner);
      } finally {
        await diner.context.close();
      }
    }
  });
});
