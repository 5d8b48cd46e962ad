import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyCombination,
  combinations,
  expectAccessible,
  expectNextCardInReach,
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
let phone: Phone;
let hintPage: Page;
let choicePage: Page;

beforeAll(async () => {
  browser = await launchChromium();
  phone = await openPhone(browser);
});

afterAll(async () => {
  await phone?.context.close();
  await browser?.close();
});

it('starts one session on an open card with its hint shown, and one on a picked choice card', async () => {
  const openTable = await tableStartingWith('open', 'exploring');
  const choiceTable = await tableStartingWith('choice', 'exploring');

  hintPage = phone.page;
  await startSession(hintPage, openTable, 'Exploring', 'One phone');
  await hintPage.getByRole('button', { name: 'Show hint' }).click();
  await hintPage.getByRole('complementary', { name: 'Hint' }).waitFor();

  choicePage = await phone.context.newPage();
  await startSession(choicePage, choiceTable, 'Exploring', 'One phone');
  // Both pick in turn, passing the phone: the shown picks (badges next to the options, both picks side by
  // side) are the widest a choice card gets.
  const options = choicePage.getByRole('article').getByRole('list', { name: 'Options' }).getByRole('button');
  await options.first().click();
  await choicePage.getByRole('button', { name: 'I’m the partner: my turn' }).click();
  await options.nth(1).click();
  await choicePage.getByText('Different picks — tell each other why!').waitFor();
});

/** Every piece of text under the selector lies within the screen's width and within its own box. */
async function expectNoClippedText(page: Page, selector: string) {
  const clipped = await page.evaluate((rootSelector) => {
    const root = document.querySelector(rootSelector);
    if (!root) return [`nothing matches ${rootSelector}`];
    const box = root.getBoundingClientRect();
    const outside: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent?.trim() || !element || element.closest('.sr-only')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.width === 0) continue;
        const leftOk = rect.left >= Math.max(0, box.left) - 0.5;
        const rightOk = rect.right <= Math.min(window.innerWidth, box.right) + 0.5;
        if (!leftOk || !rightOk) {
          outside.push(`"${node.textContent.trim().slice(0, 40)}" spans ${rect.left}–${rect.right}`);
        }
      }
    }
    return outside;
  }, selector);
  expect(clipped).toEqual([]);
}

describe.each(combinations)('at $viewport.width×$viewport.height, $text.name % text, $scheme', (combination) => {
  const name = `${combination.viewport.width}-${combination.text.name}-${combination.scheme}`;

  it('shows the home page without sideways scrolling or clipped words', async () => {
    const page = hintPage;
    const sessionUrl = page.url();
    try {
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await applyCombination(page, combination);
      await expectNoHorizontalScroll(page);
      await expectNoClippedText(page, 'main');
      await screenshot(page, `small-home-${name}`);
      await expectAccessible(page, `home (${name})`);
    } finally {
      await page.goto(sessionUrl);
      await page.getByRole('complementary', { name: 'Hint' }).waitFor();
    }
  });

  it('keeps a card with its hint inside the screen, with Next card in reach', async () => {
    const page = hintPage;
    await applyCombination(page, combination);
    await expectNoHorizontalScroll(page);
    await expectNoClippedText(page, 'article');
    await expectNextCardInReach(page);
    await screenshot(page, `small-hint-${name}`);
    await expectAccessible(page, `card with hint (${name})`);
  });

  it('keeps a choice card inside the screen, with Next card in reach', async () => {
    const page = choicePage;
    await page.bringToFront();
    await applyCombination(page, combination);
    await expectNoHorizontalScroll(page);
    await expectNoClippedText(page, 'article');
    await expectNextCardInReach(page);
    await screenshot(page, `small-choice-${name}`);
    await expectAccessible(page, `choice card (${name})`);
    await hintPage.bringToFront();
  });
});

it('talks only to its own origin throughout', () => {
  expectOnlyOwnOrigin(phone);
});
