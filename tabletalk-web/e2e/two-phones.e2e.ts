import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardText,
  expectAccessible,
  expectOnlyOwnOrigin,
  launchChromium,
  openPhone,
  type Phone,
  screenshot,
  startSession,
  tableStartingWith,
} from './support';

let browser: Browser;
let first: Phone;
let second: Phone;

beforeAll(async () => {
  browser = await launchChromium();
  first = await openPhone(browser);
  second = await openPhone(browser, { colorScheme: 'dark' });
});

afterAll(async () => {
  await first?.context.close();
  await second?.context.close();
  await browser?.close();
});

describe('two phones, kept in sync', () => {
  let sessionId = '';

  it('joins the second phone through the link; both show the same card and each other', async () => {
    // Starts on an open card, which has a hint.
    const table = await tableStartingWith('open', 'established');
    sessionId = await startSession(first.page, table, 'Established', 'Two phones');
    await first.page.getByText('Waiting for your partner to join').waitFor();
    const qr = first.page.getByRole('img', { name: 'QR code that opens this session on another phone' });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await screenshot(first.page, '11-dual-invite');
    await expectAccessible(first.page, 'dual invite');

    const joinLink = await first.page.getByRole('link', { name: /\/join$/ }).getAttribute('href');
    expect(joinLink).toMatch(new RegExp(`/s/${sessionId}/join$`));
    await second.page.goto(joinLink ?? '');
    await second.page.waitForURL(`**/s/${sessionId}`);
    await second.page.getByText('Card 1', { exact: true }).waitFor();

    await first.page.getByText('Partner connected').waitFor();
    await second.page.getByText('Partner connected').waitFor();
    expect(await cardText(second.page)).toBe(await cardText(first.page));
    expect(await first.page.getByRole('img', { name: /QR code/ }).count()).toBe(0);
    await screenshot(first.page, '12-dual-first');
    await screenshot(second.page, '13-dual-second-dark');
    await expectAccessible(second.page, 'dual card (dark)');
  });

  it('shows the hint on both when either of them opens it', async () => {
    await second.page.getByRole('button', { name: 'Show hint' }).click();
    await first.page.getByRole('complementary', { name: 'Hint' }).waitFor();
    await second.page.getByRole('complementary', { name: 'Hint' }).waitFor();
  });

  it('moves both phones on once both ask for the next card', async () => {
    const before = await cardText(first.page);
    await first.page.getByRole('button', { name: 'Next card' }).click();
    await first.page.getByText('Waiting for your partner…').waitFor();
    await second.page.getByText('Your partner wants the next card.').waitFor();
    await screenshot(second.page, '14-partner-wants-next');
    expect(await cardText(first.page)).toBe(before);

    await second.page.getByRole('button', { name: 'Next card' }).click();
    await first.page.getByText('Card 2', { exact: true }).waitFor();
    await second.page.getByText('Card 2', { exact: true }).waitFor();
    const after = await cardText(first.page);
    expect(after).not.toBe(before);
    expect(await cardText(second.page)).toBe(after);
  });

  it('brings a reloaded phone back to the right card as the same participant', async () => {
    const current = await cardText(first.page);
    await second.page.reload();
    await second.page.getByText('Card 2', { exact: true }).waitFor();
    expect(await cardText(second.page)).toBe(current);
    await second.page.getByText('Partner connected').waitFor();
    await first.page.getByText('Partner connected').waitFor();

    // Still one of the two participants: moving on works for both.
    await second.page.getByRole('button', { name: 'Next card' }).click();
    await first.page.getByText('Your partner wants the next card.').waitFor();
    await first.page.getByRole('button', { name: 'Next card' }).click();
    await first.page.getByText('Card 3', { exact: true }).waitFor();
    await second.page.getByText('Card 3', { exact: true }).waitFor();
  });

  it('moves exactly one card when both tap next at the same moment', async () => {
    await Promise.all([
      first.page.getByRole('button', { name: 'Next card' }).click(),
      second.page.getByRole('button', { name: 'Next card' }).click(),
    ]);
    // One of the two taps loses the race (409) and is sent again with the new version.
    await first.page.getByText('Card 4', { exact: true }).waitFor();
    await second.page.getByText('Card 4', { exact: true }).waitFor();
    expect(await cardText(second.page)).toBe(await cardText(first.page));
    expect(await first.page.getByText('Card 5', { exact: true }).count()).toBe(0);
  });

  it('refuses a third phone with the full screen', async () => {
    const third = await openPhone(browser);
    try {
      await third.page.goto(`/s/${sessionId}/join`);
      await third.page.getByRole('heading', { level: 1, name: 'This session already has two phones' }).waitFor();
      await third.page.getByRole('link', { name: 'Start your own' }).waitFor();
      await screenshot(third.page, '15-full');
      await expectAccessible(third.page, 'session full');
    } finally {
      await third.context.close();
    }
  });

  it('ends on both phones when one ends it', async () => {
    await first.page.getByRole('button', { name: 'End session' }).click();
    await first.page
      .getByRole('group', { name: 'End the session on both phones?' })
      .getByRole('button', { name: 'End', exact: true })
      .click();
    await first.page.getByRole('heading', { level: 1, name: 'Thank you for talking' }).waitFor();
    await second.page.getByRole('heading', { level: 1, name: 'Thank you for talking' }).waitFor();
    await second.page.getByText('Your partner ended the evening.').waitFor();
    expectOnlyOwnOrigin(first);
    expectOnlyOwnOrigin(second);
  });
});

describe('a "this or that" card on two phones', () => {
  it('locks each pick in and shows both together', async () => {
    const table = await tableStartingWith('choice', 'exploring');
    const a = await openPhone(browser);
    const b = await openPhone(browser);
    try {
      const id = await startSession(a.page, table, 'Exploring', 'Two phones');
      await b.page.goto(`/s/${id}/join`);
      await b.page.getByText('Card 1', { exact: true }).waitFor();

      const options = a.page.getByRole('article').getByRole('list', { name: 'Options' }).getByRole('button');
      await expect.poll(() => options.count()).toBeGreaterThanOrEqual(2);
      const firstOption = (await options.nth(0).innerText()).trim();
      const secondOption = (
        await b.page.getByRole('article').getByRole('list', { name: 'Options' }).getByRole('button').nth(1).innerText()
      ).trim();

      await options.nth(0).click();
      await a.page.getByText('Locked in. Waiting for your partner’s pick…').waitFor();
      await b.page.getByText('Your partner has picked.').waitFor();
      await screenshot(a.page, '16-choice-locked-in');

      await b.page.getByRole('button', { name: secondOption, exact: true }).click();
      for (const [page, mine, theirs] of [
        [a.page, firstOption, secondOption],
        [b.page, secondOption, firstOption],
      ] as const) {
        await page.getByRole('button', { name: `${mine} You` }).waitFor();
        await page.getByRole('button', { name: `${theirs} Partner` }).waitFor();
      }
      await screenshot(b.page, '17-choice-revealed');
      await expectAccessible(b.page, 'choice revealed');
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });
});
