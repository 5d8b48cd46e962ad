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
  smallPhone,
  tableStartingWith,
  uniqueTable,
} from './support';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('one phone, passed around', () => {
  let phone: Phone;

  beforeAll(async () => {
    phone = await openPhone(browser);
  });

  afterAll(async () => {
    await phone?.context.close();
  });

  it('goes from the table code to the third card, surviving refreshes on the way', async () => {
    const { page } = phone;
    // Starts on an open card, so the hint step below always has a hint to show.
    const table = await tableStartingWith('open', 'established');

    await page.goto(`/t/${table}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Welcome to Table-Talk');
    await screenshot(page, '01-welcome');
    await expectAccessible(page, 'welcome');

    await page.getByRole('link', { name: 'Let’s begin' }).click();
    await page.getByRole('heading', { level: 1, name: 'How long have you been together?' }).waitFor();
    await screenshot(page, '02-relationship-length');
    await expectAccessible(page, 'relationship length');

    await page.getByRole('link', { name: 'Choose the kind of questions yourself' }).click();
    await page.getByRole('link', { name: /^Exploring/ }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: /questions$/ }).count()).toBe(3);
    await screenshot(page, '02-context');
    await expectAccessible(page, 'context choice');

    await page.getByRole('link', { name: /^Established/ }).click();
    await page.waitForURL(`**/t/${table}/established`);
    // A refresh keeps the step: the choice lives in the URL.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'One phone or two?' }).waitFor();
    await screenshot(page, '03-mode');
    await expectAccessible(page, 'mode choice');

    await page.getByRole('button', { name: /One phone/ }).click();
    await page.waitForURL(/\/s\/[0-9a-f-]{36}$/);
    await page.getByText('Card 1', { exact: true }).waitFor();
    const first = await cardText(page);
    await screenshot(page, '04-card-single');
    await expectAccessible(page, 'card (one phone)');

    await page.getByRole('button', { name: 'Show hint' }).click();
    await page.getByRole('complementary', { name: 'Hint' }).waitFor();
    await screenshot(page, '05-card-hint');

    await page.getByRole('button', { name: 'Next card' }).click();
    await page.getByText('Card 2', { exact: true }).waitFor();
    const second = await cardText(page);
    expect(second).not.toBe(first);

    // Refresh in the middle: same participant, same card.
    await page.reload();
    await page.getByText('Card 2', { exact: true }).waitFor();
    expect(await cardText(page)).toBe(second);

    // A swipe to the left moves on in one-phone mode.
    const box = await page.getByRole('article').boundingBox();
    if (!box) throw new Error('no card on screen');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width - 20, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, y, { steps: 4 });
    await page.mouse.move(box.x + 20, y, { steps: 4 });
    await page.mouse.up();
    await page.getByText('Card 3', { exact: true }).waitFor();
    expect(await cardText(page)).not.toBe(second);
    await screenshot(page, '06-card-three');

    expectOnlyOwnOrigin(phone);
  });

  it('ends with a goodbye, and a reload shows it again with a way back to the table', async () => {
    const { page } = phone;
    await page.getByRole('button', { name: 'End session' }).click();
    await page
      .getByRole('group', { name: 'End the session?' })
      .getByRole('button', { name: 'End', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Thank you for talking' }).waitFor();
    await screenshot(page, '07-goodbye');
    await expectAccessible(page, 'goodbye');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Thank you for talking' }).waitFor();
    await page.getByText('You ended the evening.').waitFor();
    const startAgain = page.getByRole('link', { name: 'Start another deck' });
    expect(await startAgain.getAttribute('href')).toMatch(/^\/t\/e2e-open-/);
    await screenshot(page, '08-ended');
    await expectAccessible(page, 'ended');
    await startAgain.click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Table-Talk' }).waitFor();
  });

  it('renders a card without sideways scrolling on a 320 px phone, in dark mode too', async () => {
    const small = await openPhone(browser, { viewport: smallPhone, colorScheme: 'dark' });
    try {
      const { page } = small;
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, '09-home-320-dark');

      await page.goto(`/t/${uniqueTable('e2e-small')}/mature`);
      await page.getByRole('button', { name: /Two phones/ }).click();
      await page.getByText('Card 1', { exact: true }).waitFor();
      await page.getByRole('img', { name: /QR code/ }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, '10-dual-invite-320-dark');
      await expectAccessible(page, 'card (320 px, dark)');
      expectOnlyOwnOrigin(small);
    } finally {
      await small.context.close();
    }
  });
});
