import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  expectOnlyOwnOrigin,
  launchChromium,
  openPhone,
  screenshot,
  startSession,
  tableStartingWith,
} from './support';

// "This or that" cards for two: on one phone the diners pick in turn and pass the phone between the picks;
// on two phones each picks on their own and a match gets its moment.

let browser: Browser;
let table = '';

beforeAll(async () => {
  browser = await launchChromium();
  table = await tableStartingWith('choice', 'exploring');
});

afterAll(async () => {
  await browser?.close();
});

const optionButtons = (page: Page) =>
  page.getByRole('article').getByRole('list', { name: 'Options' }).getByRole('button');

async function optionTexts(page: Page): Promise<[string, string]> {
  await expect.poll(() => optionButtons(page).count()).toBeGreaterThanOrEqual(2);
  const texts = (await optionButtons(page).allInnerTexts()).map((text) => text.trim());
  return [texts[0] ?? '', texts[1] ?? ''];
}

/** The visible "You matched!" (the screen reader's announcement says it too, out of sight). */
const matchMoment = (page: Page) =>
  page.getByRole('article').locator('p:not(.sr-only)').filter({ hasText: 'You matched!' });

/** Waits for the page's animations (the match moment, a card coming in) to end, for steady screenshots and axe. */
async function settle(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished),
    ),
  );
}

const liveAnnouncement = (page: Page) => page.getByRole('article').locator('[aria-live="polite"]').innerText();

/** The main action is on screen without scrolling. */
async function expectNextCardInReach(page: Page) {
  const box = await page.getByRole('button', { name: 'Next card' }).boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('no Next card button or no viewport');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

/** 200 % text, as a diner's browser setting would give (a 32 px root font). */
async function doubleTheText(page: Page) {
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '32px', 'important'));
}

describe('one phone, passed between the two', () => {
  it('has both pick in turn with a hand-over, shows both picks, and resumes every step after a reload', async () => {
    const phone = await openPhone(browser);
    const { page } = phone;
    try {
      await startSession(page, table, 'Exploring', 'One phone');
      await page.getByRole('heading', { name: 'Your pick' }).waitFor();
      const [first, second] = await optionTexts(page);
      await screenshot(page, 'choices-01-first-pick');
      await expectAccessible(page, 'first pick (one phone)');

      await optionButtons(page).nth(0).click();
      const pass = page.getByRole('heading', { name: 'Pass the phone to your partner' });
      await pass.waitFor();
      // The first pick is out of sight before the phone changes hands.
      expect(await optionButtons(page).count()).toBe(0);
      expect(await page.getByRole('article').innerText()).not.toContain(first);
      await expect.poll(() => pass.evaluate((heading) => heading === document.activeElement)).toBe(true);
      await expectNextCardInReach(page);
      await screenshot(page, 'choices-02-pass-the-phone');
      await expectAccessible(page, 'pass the phone');

      await page.reload();
      await pass.waitFor();
      expect(await optionButtons(page).count()).toBe(0);

      await page.getByRole('button', { name: 'I’m the partner: my turn' }).click();
      await page.getByRole('heading', { name: 'Your partner’s pick' }).waitFor();
      expect(await optionButtons(page).nth(0).getAttribute('aria-pressed')).toBe('false');
      await screenshot(page, 'choices-03-second-pick');
      await expectAccessible(page, 'second pick (one phone)');

      await page.reload();
      await page.getByRole('heading', { name: 'Your partner’s pick' }).waitFor();

      await optionButtons(page).nth(1).click();
      await page.getByText('Different picks — tell each other why!').waitFor();
      const sideBySide = async () => ({
        terms: (await page.getByRole('term').allInnerTexts()).map((text) => text.trim()),
        picks: (await page.getByRole('definition').allInnerTexts()).map((text) => text.trim()),
      });
      expect(await sideBySide()).toEqual({ terms: ['You', 'Partner'], picks: [first, second] });
      await page.getByRole('button', { name: `${first} You`, exact: true }).waitFor();
      await page.getByRole('button', { name: `${second} Partner`, exact: true }).waitFor();
      expect(await liveAnnouncement(page)).toBe(`You picked ${first}; your partner picked ${second}.`);
      expect(await matchMoment(page).count()).toBe(0);
      await expectNextCardInReach(page);
      await screenshot(page, 'choices-04-both-picks');
      await expectAccessible(page, 'both picks (one phone)');

      await page.reload();
      await page.getByText('Different picks — tell each other why!').waitFor();
      expect(await sideBySide()).toEqual({ terms: ['You', 'Partner'], picks: [first, second] });

      // The next card starts afresh.
      await page.getByRole('button', { name: 'Next card' }).click();
      await page.getByText('Card 2', { exact: true }).waitFor();
      expect(await page.getByRole('term').count()).toBe(0);
      expectOnlyOwnOrigin(phone);
    } finally {
      await phone.context.close();
    }
  });

  it('fits every step on a 320 px phone at 200 % text in the dark, and celebrates a match', async () => {
    const phone = await openPhone(browser, { viewport: { width: 320, height: 568 }, colorScheme: 'dark' });
    const { page } = phone;
    try {
      await startSession(page, table, 'Exploring', 'One phone');
      await page.getByRole('heading', { name: 'Your pick' }).waitFor();
      await doubleTheText(page);
      await expectNoHorizontalScroll(page);
      await expectNextCardInReach(page);
      await screenshot(page, 'choices-05-first-pick-320-200-dark');

      const [first] = await optionTexts(page);
      await optionButtons(page).nth(0).click();
      await page.getByRole('heading', { name: 'Pass the phone to your partner' }).waitFor();
      await expectNoHorizontalScroll(page);
      await expectNextCardInReach(page);
      await screenshot(page, 'choices-06-pass-320-200-dark');
      await expectAccessible(page, 'pass the phone (320 px, 200 %, dark)');

      await page.getByRole('button', { name: 'I’m the partner: my turn' }).click();
      await page.getByRole('heading', { name: 'Your partner’s pick' }).waitFor();
      await expectNoHorizontalScroll(page);
      await expectAccessible(page, 'second pick (320 px, 200 %, dark)');

      await optionButtons(page).nth(0).click();
      await matchMoment(page).waitFor();
      await settle(page);
      expect(await liveAnnouncement(page)).toBe(`You matched! You both picked ${first}.`);
      await page.getByRole('button', { name: `${first} You Partner`, exact: true }).waitFor();
      await expectNoHorizontalScroll(page);
      await expectNextCardInReach(page);
      await screenshot(page, 'choices-07-matched-320-200-dark');
      await expectAccessible(page, 'matched (320 px, 200 %, dark)');
      expectOnlyOwnOrigin(phone);
    } finally {
      await phone.context.close();
    }
  });
});

describe('two phones', () => {
  async function pair() {
    const a = await openPhone(browser);
    const b = await openPhone(browser, { colorScheme: 'dark' });
    const id = await startSession(a.page, table, 'Exploring', 'Two phones');
    await b.page.goto(`/s/${id}/join`);
    await b.page.getByText('Card 1', { exact: true }).waitFor();
    return { a, b };
  }

  it('gives both phones a "You matched" moment when the picks agree', async () => {
    const { a, b } = await pair();
    try {
      const [option] = await optionTexts(a.page);
      await optionButtons(a.page).nth(0).click();
      await b.page.getByText('Your partner has picked.').waitFor();
      await b.page.getByRole('button', { name: option, exact: true }).click();

      for (const page of [a.page, b.page]) {
        const moment = matchMoment(page);
        await moment.waitFor();
        await page.getByRole('button', { name: `${option} You Partner`, exact: true }).waitFor();
        expect(await liveAnnouncement(page)).toBe(`You matched! You both picked ${option}.`);
        // Reduced motion: the moment only fades in; otherwise it pops.
        expect(await moment.evaluate((element) => getComputedStyle(element).animationName)).toBe('fade-in');
      }
      await b.page.emulateMedia({ reducedMotion: 'no-preference' });
      expect(await matchMoment(b.page).evaluate((element) => getComputedStyle(element).animationName)).toBe('match');
      await expectNextCardInReach(a.page);
      await settle(a.page);
      await settle(b.page);
      await screenshot(a.page, 'choices-08-dual-matched');
      await screenshot(b.page, 'choices-09-dual-matched-dark');
      await expectAccessible(a.page, 'matched (two phones)');
      await expectAccessible(b.page, 'matched (two phones, dark)');
      expectOnlyOwnOrigin(a);
      expectOnlyOwnOrigin(b);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('marks "You" and "Partner" on different picks, each from its own side', async () => {
    const { a, b } = await pair();
    try {
      const [firstOption, secondOption] = await optionTexts(a.page);
      await optionButtons(a.page).nth(0).click();
      await a.page.getByText('Locked in. Waiting for your partner’s pick…').waitFor();
      await b.page.getByRole('button', { name: secondOption, exact: true }).click();

      for (const [page, mine, theirs] of [
        [a.page, firstOption, secondOption],
        [b.page, secondOption, firstOption],
      ] as const) {
        await page.getByRole('button', { name: `${mine} You`, exact: true }).waitFor();
        await page.getByRole('button', { name: `${theirs} Partner`, exact: true }).waitFor();
        await page.getByText('Different picks — tell each other why!').waitFor();
        expect(await matchMoment(page).count()).toBe(0);
        expect(await liveAnnouncement(page)).toBe(`You picked ${mine}; your partner picked ${theirs}.`);
      }
      // The two badges differ in their words and their look, not only in colour.
      const look = (name: string) =>
        b.page
          .getByRole('article')
          .getByText(name, { exact: true })
          .evaluate((badge) => getComputedStyle(badge).borderStyle);
      expect(await look('You')).toBe('solid');
      expect(await look('Partner')).toBe('dashed');
      await screenshot(b.page, 'choices-10-dual-different-dark');
      await expectAccessible(b.page, 'different picks (two phones, dark)');

      await b.page.setViewportSize({ width: 320, height: 568 });
      await doubleTheText(b.page);
      await expectNoHorizontalScroll(b.page);
      await expectNextCardInReach(b.page);
      await screenshot(b.page, 'choices-11-dual-different-320-200-dark');
      await expectAccessible(b.page, 'different picks (two phones, 320 px, 200 %, dark)');
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });
});
