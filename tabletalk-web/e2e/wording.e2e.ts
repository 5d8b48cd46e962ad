// The words a diner reads when something is not as expected: each case here once said the wrong thing, or said
// it for too long. Checked on the smallest phone at 200 % text in the dark, and on a common one in the light.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  applyCombination,
  type Combination,
  combinations,
  expectAccessible,
  expectNoHorizontalScroll,
  launchChromium,
  openPhone,
  type Phone,
  screenshot,
  startSession,
  uniqueTable,
} from './support';

function pick(width: number, text: number, scheme: 'light' | 'dark'): Combination {
  const found = combinations.find(
    (combination) =>
      combination.viewport.width === width && combination.text.name === text && combination.scheme === scheme,
  );
  if (!found) throw new Error(`No combination ${width} px, ${text} %, ${scheme}`);
  return found;
}

const small = pick(320, 200, 'dark');
const common = pick(390, 100, 'light');
const settings = [small, common];

let browser: Browser;
const opened: Phone[] = [];

async function phoneFor(setting: Combination): Promise<Phone> {
  const phone = await openPhone(browser, { viewport: setting.viewport, colorScheme: setting.scheme });
  opened.push(phone);
  return phone;
}

/** Applies the setting's text size to the page now shown (the root font, as a browser setting would). */
function sized(page: Page, setting: Combination) {
  return applyCombination(page, setting);
}

const label = (setting: Combination) =>
  `${setting.viewport.width}x${setting.viewport.height}-${setting.text.name}-${setting.scheme}`;

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async () => {
  while (opened.length > 0) await opened.pop()?.context.close();
});

afterAll(async () => {
  await browser?.close();
});

describe.each(settings)('on a $viewport.width × $viewport.height phone at $text.name % text, $scheme', (setting) => {
  it('understands "Table 7" typed by hand as the code 7', async () => {
    const { page } = await phoneFor(setting);
    await page.goto('/');
    await sized(page, setting);
    await page.getByLabel('Table code').fill('Table 7');
    await page.getByRole('button', { name: 'Open' }).click();
    await page.waitForURL(/\/t\/7$/);
    await page.getByRole('link', { name: 'Let’s begin' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page, `welcome after "Table 7" (${label(setting)})`);
  });

  it('says what a malformed code looks like, without promising codes "we know" or text under the QR code', async () => {
    const { page } = await phoneFor(setting);
    await page.goto('/t/bad%20code');
    await sized(page, setting);
    await page.getByRole('heading', { level: 1, name: 'This code doesn’t look right' }).waitFor();
    const words = await page.locator('main').innerText();
    expect(words).toContain('letters, digits, - and _ only');
    expect(words).not.toMatch(/we know/i);
    expect(words).not.toMatch(/printed under/i);
    await expectNoHorizontalScroll(page);
    await screenshot(page, `wording-bad-code-${label(setting)}`);
    await expectAccessible(page, `bad code (${label(setting)})`);
  });

  it('tells a second device that a one-phone session is played on one phone, not that it has two', async () => {
    const first = await phoneFor(setting);
    const sessionId = await startSession(first.page, uniqueTable('e2e-one-phone'), 'Exploring', 'One phone');

    const second = await phoneFor(setting);
    await second.page.goto(`/s/${sessionId}/join`);
    await second.page.getByRole('heading', { level: 1, name: 'This session is played on one phone' }).waitFor();
    await sized(second.page, setting);
    expect(await second.page.locator('main').innerText()).not.toMatch(/two phones/i);
    await second.page.getByRole('link', { name: 'Start your own' }).waitFor();
    await expectNoHorizontalScroll(second.page);
    await screenshot(second.page, `wording-one-phone-elsewhere-${label(setting)}`);
    await expectAccessible(second.page, `one-phone session on a second device (${label(setting)})`);
  });

  it('gives the incident id when the service fails while starting a session', async () => {
    const { page } = await phoneFor(setting);
    await page.route('**/api/sessions', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: JSON.stringify({ error: 'internal', message: 'Unexpected error.', incident: '5e1f0a9c' }),
          })
        : route.fallback(),
    );
    await page.goto(`/t/${uniqueTable('e2e-incident')}/choose/questions`);
    await page.getByRole('link', { name: /^Exploring/ }).click();
    await sized(page, setting);
    await page.getByRole('button', { name: /One phone/ }).click();
    await page.getByText('Something went wrong on our side (incident 5e1f0a9c). Please tap again.').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, `wording-incident-${label(setting)}`);
    await expectAccessible(page, `service failure with its incident (${label(setting)})`);
  });
});

describe('a message about the service being out of reach', () => {
  it('goes away on its own once the service is heard from again', async () => {
    const first = await phoneFor(common);
    const second = await phoneFor(common);
    const sessionId = await startSession(first.page, uniqueTable('e2e-reach'), 'Exploring', 'Two phones');
    await second.page.goto(`/s/${sessionId}/join`);
    await second.page.getByText('Card 1', { exact: true }).waitFor();

    // This phone's taps cannot get through, while its live channel stays open.
    await first.page.route('**/api/sessions/*/commands', (route) => route.abort('connectionrefused'));
    await first.page.getByRole('button', { name: 'Next card' }).click();
    const outOfReach = first.page.getByText('We couldn’t reach Table-Talk', { exact: false });
    await outOfReach.waitFor();
    await screenshot(first.page, 'wording-out-of-reach');
    await expectAccessible(first.page, 'a tap that could not reach the service');

    // The service is reachable again and speaks first: the partner's tap reaches this phone as a new state.
    await first.page.unroute('**/api/sessions/*/commands');
    await second.page.getByRole('button', { name: 'Next card' }).click();
    await first.page.getByText('Your partner wants the next card.').waitFor();
    await outOfReach.waitFor({ state: 'detached' });
  });
});
