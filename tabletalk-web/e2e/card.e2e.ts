import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyCombination,
  cardText,
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

// The card in the hand: dragged with a finger (Chromium's touch input, which the page sees as pointer
// events), the hint unfolding, the deck behind it, a quiet progress line; plain fades with reduced motion.

const sharedHintNote = 'Either of you can show the hint; it opens on both phones.';

let browser: Browser;
const phones: Phone[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  for (const phone of phones) await phone.context.close();
  await browser?.close();
});

async function phoneWith(options: Parameters<typeof openPhone>[1] = {}): Promise<Phone> {
  const phone = await openPhone(browser, options);
  phones.push(phone);
  return phone;
}

/**
 * A finger on the question: down, then sideways through `offsets` (px from where it went down, `stepMs`
 * apart), held still for `holdMs`, then lifted. The events carry those times, so the page sees the speed
 * meant however busy the machine is. `whileHeld` runs before the finger lifts.
 */
async function touchDrag(
  page: Page,
  offsets: number[],
  { stepMs = 16, holdMs = 0, whileHeld }: { stepMs?: number; holdMs?: number; whileHeld?: () => Promise<void> } = {},
) {
  const box = await page.getByRole('article').getByRole('heading', { level: 2 }).boundingBox();
  if (!box) throw new Error('no question on screen');
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 20);
  const cdp = await page.context().newCDPSession(page);
  // Input.dispatchTouchEvent takes seconds since the epoch.
  let time = Date.now() / 1000;
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', touchPoints: { x: number; y: number }[]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints, timestamp: time });
  try {
    await touch('touchStart', [{ x, y }]);
    for (const offset of offsets) {
      time += stepMs / 1000;
      await touch('touchMove', [{ x: x + offset, y }]);
    }
    time += holdMs / 1000;
    await whileHeld?.();
    await touch('touchEnd', []);
  } finally {
    await cdp.detach();
  }
}

/** How the card sits: its sideways shift and tilt (from its computed transform) and its opacity. */
function cardPose(page: Page) {
  return page
    .getByRole('article')
    .locator('xpath=..')
    .evaluate((element) => {
      const style = getComputedStyle(element);
      const matrix = new DOMMatrix(style.transform === 'none' ? undefined : style.transform);
      return {
        x: Math.round(matrix.m41),
        tilted: Math.abs(matrix.m12) > 0.001,
        opacity: Number(style.opacity),
      };
    });
}

/** Records the names of the CSS animations that start in the page from now on. */
async function recordAnimations(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenAnimations: string[] }).seenAnimations = seen;
    document.addEventListener('animationstart', (event) => seen.push(event.animationName));
  });
}

function seenAnimations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { seenAnimations: string[] }).seenAnimations);
}

/** Waits until nothing in the card moves any more (the hint has unfolded, the card has come to rest). */
async function settled(page: Page) {
  await expect
    .poll(() =>
      page
        .getByRole('article')
        .evaluate(
          (element) =>
            element.getAnimations({ subtree: true }).filter((animation) => animation.playState === 'running').length,
        ),
    )
    .toBe(0);
}

/**
 * The hint opens in view, clear of the question and above the pinned Next card button: all of it where it fits
 * in the room above the button, otherwise from its first line (a long hint at 200 % text on a small phone is
 * taller than that room, and the rest is a scroll away).
 */
async function expectHintInView(page: Page) {
  const boxes = async () => ({
    hint: await page.getByRole('complementary', { name: 'Hint' }).boundingBox(),
    question: await page.getByRole('article').getByRole('heading', { level: 2 }).boundingBox(),
    next: await page.getByRole('button', { name: 'Next card' }).boundingBox(),
  });
  // Scrolled to the nearest whole pixel, so a fraction either way is still in view.
  const inView = ({ hint, next }: Awaited<ReturnType<typeof boxes>>) =>
    !!hint &&
    !!next &&
    hint.y >= -1 &&
    (hint.height <= next.y ? hint.y + hint.height <= next.y + 1 : hint.y < next.y - 40);
  // The page scrolls the hint up once its unfolding has ended: give that scroll its frame.
  await expect.poll(async () => inView(await boxes())).toBe(true);
  const { hint, question, next } = await boxes();
  if (!hint || !question || !next) throw new Error('no hint, question or Next card button');
  expect(hint.height).toBeGreaterThan(20);
  expect(question.y + question.height).toBeLessThanOrEqual(hint.y);
}

describe('a card to touch, with motion', () => {
  let page: Page;
  let first = '';

  it('starts a one-phone session on an open card', async () => {
    page = (await phoneWith({ reducedMotion: 'no-preference' })).page;
    await startSession(page, await tableStartingWith('open', 'exploring'), 'Exploring', 'One phone');
    first = await cardText(page);
  });

  it('shows the question without homework: no count of the deck, no difficulty, no category label', async () => {
    const progress = page.getByText('Card 1', { exact: true });
    expect(await progress.isVisible()).toBe(true);
    const sizes = await progress.evaluate((element) => ({
      progress: parseFloat(getComputedStyle(element).fontSize),
      question: parseFloat(getComputedStyle(document.querySelector('article h2') as Element).fontSize),
    }));
    expect(sizes.progress).toBeLessThan(sizes.question);

    // The question's own words may say anything; everything around them may not.
    const main = (await page.getByRole('main').innerText()).split(first).join(' ');
    expect(main).not.toMatch(/\bof\s+\d+\b/);
    expect(main).not.toMatch(/\b(easy|medium|deep)\b/i);
    const article = page.getByRole('article');
    expect((await article.innerText()).trim().startsWith(first)).toBe(true);
    const shouting = await article.evaluate((element) =>
      Array.from(element.querySelectorAll('*'))
        .filter((node) => getComputedStyle(node).textTransform === 'uppercase' && node.textContent?.trim())
        .map((node) => node.textContent),
    );
    expect(shouting).toEqual([]);
  });

  it('lies on a visible deck: two card edges peek out below it', async () => {
    const card = await page.getByRole('article').boundingBox();
    const edges = await page
      .getByRole('article')
      .locator('xpath=../../div[@aria-hidden="true"]')
      .evaluateAll((elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          return { bottom: box.bottom, visible: getComputedStyle(element).visibility === 'visible' };
        }),
      );
    if (!card) throw new Error('no card');
    expect(edges).toHaveLength(2);
    for (const edge of edges) {
      expect(edge.visible).toBe(true);
      expect(edge.bottom).toBeGreaterThan(card.y + card.height + 2);
    }
  });

  it('unfolds the hint below the question and brings it into view', async () => {
    await recordAnimations(page);
    await page.getByRole('button', { name: 'Show hint' }).click();
    await page.getByRole('complementary', { name: 'Hint' }).waitFor();
    await expect.poll(() => seenAnimations(page)).toEqual(expect.arrayContaining(['unfold', 'fold-down']));
    await settled(page);
    await expectHintInView(page);
    await screenshot(page, 'card-hint-unfolded');
  });

  it('follows the finger with a tilt, and springs back when let go early', async () => {
    let held = { x: 0, tilted: false, opacity: 1 };
    // Slowly (no flick) and not far: 70 px at about 0.25 px/ms, held still before letting go.
    await touchDrag(page, [-10, -20, -30, -40, -50, -60, -70], {
      stepMs: 40,
      holdMs: 150,
      whileHeld: async () => {
        held = await cardPose(page);
      },
    });
    expect(held.x).toBeLessThanOrEqual(-60);
    expect(held.tilted).toBe(true);
    await expect.poll(() => cardPose(page)).toEqual({ x: 0, tilted: false, opacity: 1 });
    expect(await cardText(page)).toBe(first);
    expect(await page.getByText('Card 1', { exact: true }).isVisible()).toBe(true);
  });

  it('throws the card off the screen past the threshold, and the next card comes up from the deck', async () => {
    await touchDrag(page, [-20, -50, -80, -110, -140, -170, -200], { stepMs: 25, holdMs: 150 });
    // On its way out it never makes the page scroll sideways.
    await expectNoHorizontalScroll(page);
    await page.getByText('Card 2', { exact: true }).waitFor();
    expect(await cardText(page)).not.toBe(first);
    await settled(page);
    expect(await cardPose(page)).toEqual({ x: 0, tilted: false, opacity: 1 });
  });

  it('takes a quick flick for a swipe too, even a short one, and to the right', async () => {
    const second = await cardText(page);
    await touchDrag(page, [15, 30, 45], { stepMs: 8 });
    await page.getByText('Card 3', { exact: true }).waitFor();
    expect(await cardText(page)).not.toBe(second);
  });

  it('keeps the question readable with the hint open at 200 % text on a 320 px phone', async () => {
    const small = await page.context().newPage();
    await startSession(small, await tableStartingWith('open', 'exploring'), 'Exploring', 'One phone');
    await applyCombination(
      small,
      combinations.find((c) => c.viewport.width === 320 && c.text.name === 200)!,
    );
    await small.getByRole('button', { name: 'Show hint' }).click();
    await small.getByRole('complementary', { name: 'Hint' }).waitFor();
    await settled(small);
    await expectHintInView(small);
    await expectNoHorizontalScroll(small);
    await screenshot(small, 'card-hint-320-200');
    await small.close();
  });
});

describe('with reduced motion, plain fades', () => {
  let page: Page;

  it('starts a one-phone session on an open card', async () => {
    page = (await phoneWith()).page;
    await startSession(page, await tableStartingWith('open', 'exploring'), 'Exploring', 'One phone');
    await recordAnimations(page);
  });

  it('does not move the card with the finger, but fades it, and a swipe still moves on', async () => {
    const first = await cardText(page);
    let held = { x: 0, tilted: false, opacity: 1 };
    await touchDrag(page, [-10, -20, -30, -40, -50, -60, -70], {
      stepMs: 40,
      holdMs: 150,
      whileHeld: async () => {
        held = await cardPose(page);
      },
    });
    expect(held.x).toBe(0);
    expect(held.tilted).toBe(false);
    expect(held.opacity).toBeLessThan(1);
    await expect.poll(() => cardPose(page)).toEqual({ x: 0, tilted: false, opacity: 1 });
    expect(await cardText(page)).toBe(first);

    await page.getByRole('button', { name: 'Show hint' }).click();
    await page.getByRole('complementary', { name: 'Hint' }).waitFor();
    await touchDrag(page, [-20, -50, -80, -110, -140, -170, -200], { stepMs: 25, holdMs: 150 });
    await page.getByText('Card 2', { exact: true }).waitFor();
    expect(await cardText(page)).not.toBe(first);
    await settled(page);

    const animations = await seenAnimations(page);
    expect(animations).toContain('fade-in');
    expect(animations.filter((name) => name !== 'fade-in')).toEqual([]);
  });
});

describe('two phones, one hint', () => {
  let first: Page;
  let second: Page;

  it('starts a two-phone session on an open card and joins the second phone', async () => {
    first = (await phoneWith()).page;
    second = (await phoneWith({ colorScheme: 'dark' })).page;
    const sessionId = await startSession(
      first,
      await tableStartingWith('open', 'established'),
      'Established',
      'Two phones',
    );
    await second.goto(`/s/${sessionId}/join`);
    await second.waitForURL(`**/s/${sessionId}`);
    await first.getByText('Partner connected').waitFor();
    await second.getByText('Partner connected').waitFor();
  });

  it('says the one rule under Show hint, on both phones, and nothing about being ready', async () => {
    for (const page of [first, second]) {
      const showHint = page.getByRole('button', { name: 'Show hint' });
      const describedBy = await showHint.getAttribute('aria-describedby');
      expect(await page.locator(`#${describedBy}`).innerText()).toBe(sharedHintNote);
      expect(await page.getByText(sharedHintNote).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: /ready/i }).count()).toBe(0);
      expect(await page.getByText(/\bready\b/i).count()).toBe(0);
    }
    await screenshot(second, 'card-dual-hint-rule-dark');
    await expectAccessible(second, 'two-phone card with the hint rule (dark)');
  });

  it('opens the hint on the other phone when one taps Show hint', async () => {
    await first.getByRole('button', { name: 'Show hint' }).click();
    const onSecond = second.getByRole('complementary', { name: 'Hint' });
    await onSecond.waitFor();
    const onFirst = await first.getByRole('complementary', { name: 'Hint' }).innerText();
    expect(await onSecond.innerText()).toBe(onFirst);
    expect(await second.getByText(sharedHintNote).count()).toBe(0);
  });

  it('takes a swipe for “I want the next card”, like the button', async () => {
    const before = await cardText(first);
    await touchDrag(second, [-20, -50, -80, -110, -140, -170, -200], { stepMs: 25, holdMs: 150 });
    await first.getByText('Your partner wants the next card.').waitFor();
    await second.getByRole('button', { name: 'Asked for the next card' }).waitFor();
    await expect.poll(() => cardPose(second)).toEqual({ x: 0, tilted: false, opacity: 1 });
    expect(await cardText(second)).toBe(before);

    await touchDrag(first, [-20, -50, -80, -110, -140, -170, -200], { stepMs: 25, holdMs: 150 });
    await first.getByText('Card 2', { exact: true }).waitFor();
    await second.getByText('Card 2', { exact: true }).waitFor();
    expect(await cardText(second)).toBe(await cardText(first));
  });
});

describe('the card screen on small and large phones, text sizes and colour schemes', () => {
  let page: Page;

  it('starts a one-phone session on an open card', async () => {
    page = (await phoneWith({ reducedMotion: 'no-preference' })).page;
    await startSession(page, await tableStartingWith('open', 'exploring'), 'Exploring', 'One phone');
  });

  describe.each(combinations)('at $viewport.width×$viewport.height, $text.name % text, $scheme', (combination) => {
    const name = `${combination.viewport.width}-${combination.text.name}-${combination.scheme}`;

    it('fits the screen with Next card in reach, and passes axe', async () => {
      await applyCombination(page, combination);
      await settled(page);
      await expectNoHorizontalScroll(page);
      await expectNextCardInReach(page);
      expect(await page.getByText('Card 1', { exact: true }).isVisible()).toBe(true);
      await screenshot(page, `card-${name}`);
      await expectAccessible(page, `card (${name})`);
    });
  });
});

it('talks only to its own origin throughout', () => {
  for (const phone of phones) expectOnlyOwnOrigin(phone);
});
