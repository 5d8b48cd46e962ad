import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cardText,
  expectAccessible,
  expectNoHorizontalScroll,
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
  second = await openPhone(browser);
});

afterAll(async () => {
  await first?.context.close();
  await second?.context.close();
  await browser?.close();
});

describe('joining by code, and taking back a seat', () => {
  let sessionId = '';
  let code = '';

  it('shows the home page with "Join your partner" at 320 × 568 and 200 % text without sideways scrolling', async () => {
    const small = await openPhone(browser, { viewport: { width: 320, height: 568 } });
    try {
      await small.page.goto('/');
      await small.page.evaluate(() => document.documentElement.style.setProperty('font-size', '32px', 'important'));
      await small.page.getByRole('textbox', { name: 'Join your partner' }).waitFor();
      await expectNoHorizontalScroll(small.page);
      await screenshot(small.page, '60-home-join-field-320-200');
      await expectAccessible(small.page, 'home page with the join field at 200 % text');
    } finally {
      await small.context.close();
    }
  });

  it('shows the first phone a short code beside the QR code', async () => {
    const table = await tableStartingWith('open', 'exploring');
    sessionId = await startSession(first.page, table, 'Exploring', 'Two phones');
    const shown = first.page.getByTestId('join-code');
    await shown.waitFor();
    const spaced = (await shown.innerText()).trim();
    expect(spaced).toMatch(/^[2-9A-HJKMNP-TV-Z]{3} [2-9A-HJKMNP-TV-Z]{3}$/);
    code = spaced.replace(' ', '');
    await first.page.getByRole('link', { name: new RegExp(`/j/${code}$`) }).waitFor();
    await screenshot(first.page, '61-invite-with-code');
    await expectAccessible(first.page, 'invite with the join code');
  });

  it('brings the second phone into the same session from the code typed on the home page', async () => {
    await second.page.goto('/');
    const field = second.page.getByRole('textbox', { name: 'Join your partner' });
    // Typed as a person reads it off the other screen: small letters, a space in the middle.
    await field.fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
    await screenshot(second.page, '62-home-code-typed');
    await second.page.getByRole('button', { name: 'Join', exact: true }).click();
    await second.page.waitForURL(`**/s/${sessionId}`);
    await second.page.getByText('Card 1', { exact: true }).waitFor();
    await first.page.getByText('Partner connected').waitFor();
    expect(await cardText(second.page)).toBe(await cardText(first.page));
  });

  it('tells a phone that types an unknown code so', async () => {
    const other = await openPhone(browser);
    try {
      await other.page.goto('/j/ZZZ-ZZZ');
      await other.page.getByRole('heading', { level: 1, name: 'We can’t find that code' }).waitFor();
      await screenshot(other.page, '63-unknown-code');
      await expectAccessible(other.page, 'unknown join code');
    } finally {
      await other.context.close();
    }
  });

  it('moves on a card, so that the seat has a place in the deck to keep', async () => {
    await first.page.getByRole('button', { name: 'Next card' }).click();
    await second.page.getByText('Your partner wants the next card.').waitFor();
    await second.page.getByRole('button', { name: 'Next card' }).click();
    await first.page.getByText('Card 2', { exact: true }).waitFor();
    await second.page.getByText('Card 2', { exact: true }).waitFor();
  });

  it('offers a new phone the seat of the phone that lost its storage, and lets it in when the partner says so', async () => {
    const card = await cardText(first.page);
    expectOnlyOwnOrigin(second);
    // The second phone's private tab is closed: its storage, and its token, are gone.
    await second.context.close();
    await first.page
      .getByText('Your phones can’t reach each other right now', { exact: true })
      .waitFor({ timeout: 15_000 });
    await first.page.getByText('Partner lost their phone? Show the join code').click();
    await first.page.getByTestId('join-code').waitFor();
    await screenshot(first.page, '64-partner-away-code-again');
    await expectAccessible(first.page, 'partner away, join code shown again');

    second = await openPhone(browser);
    await second.page.goto(`/s/${sessionId}/join`);
    await second.page.getByRole('heading', { level: 1, name: 'Take back your seat?' }).waitFor();
    expect(await second.page.getByText(/already has two phones/).count()).toBe(0);
    await screenshot(second.page, '65-take-back-seat');
    await expectAccessible(second.page, 'take back the seat');

    await second.page.getByRole('button', { name: 'Take back the seat' }).click();
    await second.page.getByRole('heading', { level: 1, name: 'Waiting to be let in' }).waitFor();
    await screenshot(second.page, '66-waiting-to-be-let-in');
    await expectAccessible(second.page, 'waiting to be let in');

    const prompt = first.page.getByRole('region', { name: 'Is your partner rejoining on a new phone?' });
    await prompt.waitFor();
    await screenshot(first.page, '67-let-them-in-prompt');
    await expectAccessible(first.page, 'let them in prompt');
    await prompt.getByRole('button', { name: 'Let them in' }).click();

    await second.page.waitForURL(`**/s/${sessionId}`, { timeout: 15_000 });
    await second.page.getByText('Card 2', { exact: true }).waitFor();
    expect(await cardText(second.page)).toBe(card);
    await first.page.getByText('Partner connected').waitFor();
    await second.page.getByText('Partner connected').waitFor();
    expect(await prompt.count()).toBe(0);
    await screenshot(second.page, '68-back-in-the-seat');

    // Still one of the two: moving on takes both phones.
    await second.page.getByRole('button', { name: 'Next card' }).click();
    await first.page.getByText('Your partner wants the next card.').waitFor();
    await first.page.getByRole('button', { name: 'Next card' }).click();
    await first.page.getByText('Card 3', { exact: true }).waitFor();
    await second.page.getByText('Card 3', { exact: true }).waitFor();
    expectOnlyOwnOrigin(first);
    expectOnlyOwnOrigin(second);
  });

  it('still calls a session with both phones at the table full', async () => {
    const third = await openPhone(browser);
    try {
      await third.page.goto(`/s/${sessionId}/join`);
      await third.page.getByRole('heading', { level: 1, name: 'This session already has two phones' }).waitFor();
      expect(await third.page.getByRole('button', { name: 'Take back the seat' }).count()).toBe(0);
    } finally {
      await third.context.close();
    }
  });
});
