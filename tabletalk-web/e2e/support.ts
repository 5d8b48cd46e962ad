// Shared pieces of the end-to-end tests: the system Chromium, phone-sized contexts, axe-core,
// screenshots, and guards that the app only talks to its own origin.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseUrl = inject('baseUrl');
export const phone = { width: 390, height: 844 };
export const smallPhone = { width: 320, height: 640 };

// The smallest phone still sold, and a common one; each at the default text size and at 200 %
// (a 32 px root font, as a diner's browser setting would give), in both colour schemes.
const viewports = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
];
const textSizes = [
  { name: 100, rootFontSize: null },
  { name: 200, rootFontSize: '32px' },
];
const schemes = ['light', 'dark'] as const;

export const combinations = viewports.flatMap((viewport) =>
  textSizes.flatMap((text) => schemes.map((scheme) => ({ viewport, text, scheme }))),
);
export type Combination = (typeof combinations)[number];

/** Puts the page into one combination of screen size, text size and colour scheme, scrolled to the top. */
export async function applyCombination(page: Page, combination: Combination) {
  await page.setViewportSize(combination.viewport);
  await page.emulateMedia({ colorScheme: combination.scheme });
  await page.evaluate((size) => {
    if (size) document.documentElement.style.setProperty('font-size', size, 'important');
    else document.documentElement.style.removeProperty('font-size');
    window.scrollTo(0, 0);
  }, combination.text.rootFontSize);
}

const screenshotDir = resolve(import.meta.dirname, '../test-results/screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export { launchChromium } from '../scripts/chromium.mjs';

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, to check nothing leaves our origin. */
  requests: string[];
  /** Uncaught errors and CSP violations seen in the page. */
  problems: string[];
}

export async function openPhone(
  browser: Browser,
  options: {
    viewport?: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
    /** Tests of movement turn motion on; everything else runs with reduced motion, steadier to check. */
    reducedMotion?: 'reduce' | 'no-preference';
  } = {},
): Promise<Phone> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? phone,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'reduce',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  return { context, page, requests, problems };
}

/** The app must not call anyone else: no CDN, fonts or analytics. */
export function expectOnlyOwnOrigin(phoneUnderTest: Phone) {
  const origin = new URL(baseUrl).origin;
  const foreign = phoneUnderTest.requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    const parsed = new URL(url);
    const own = parsed.host === new URL(origin).host;
    return !own;
  });
  expect(foreign).toEqual([]);
  expect(phoneUnderTest.problems).toEqual([]);
}

/** Runs axe-core in the page; fails on serious or critical violations. */
export async function expectAccessible(page: Page, screen: string) {
  // A card still fading in has its colours at part opacity: check what the diner sees once it has settled.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
      }));
  });
  expect(violations, `accessibility violations on ${screen}`).toEqual([]);
}

interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The main action is on screen as the card opens, without any scrolling. */
export async function expectNextCardInReach(page: Page) {
  const box = await page.getByRole('button', { name: 'Next card' }).boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('no Next card button or no viewport');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

/** Nothing may be wider than the screen (no sideways scrolling on a 320 px phone). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

export function uniqueTable(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The visible question text of the current card. */
export async function cardText(page: Page): Promise<string> {
  return (await page.getByRole('article').getByRole('heading', { level: 2 }).innerText()).trim();
}

/** Starts a session from the table's link with a chosen kind of questions, returning its id. */
export async function startSession(page: Page, table: string, context: string, mode: 'One phone' | 'Two phones') {
  await page.goto(`/t/${table}`);
  await page.getByRole('link', { name: 'Let’s begin' }).click();
  await page.getByRole('link', { name: 'Choose the kind of questions yourself' }).click();
  await page.getByRole('link', { name: new RegExp(`^${context}`) }).click();
  await page.getByRole('button', { name: new RegExp(mode) }).click();
  await page.waitForURL(/\/s\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.getByRole('article').count()).toBe(1);
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

interface ProbeState {
  version: number;
  card?: { type: string } | null;
}

/**
 * Decks are shuffled per table, context and day, so which table starts on an open or a "this or
 * that" card is only known by asking: this opens (and ends again) throwaway one-phone sessions until
 * one starts on the wanted type.
 */
export async function tableStartingWith(cardType: 'open' | 'choice', context: string): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const table = uniqueTable(`e2e-${cardType}`);
    const created = await fetch(`${baseUrl}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tableToken: table, context, mode: 'single' }),
    });
    expect(created.status).toBe(201);
    const { session, participant } = (await created.json()) as {
      session: ProbeState & { id: string };
      participant: { token: string };
    };
    await fetch(`${baseUrl}/api/sessions/${session.id}/commands`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${participant.token}` },
      body: JSON.stringify({ type: 'end', version: session.version }),
    });
    if (session.card?.type === cardType) return table;
  }
  throw new Error(`No table in 60 started on a ${cardType} card.`);
}
