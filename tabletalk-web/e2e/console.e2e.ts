// The restaurant side from start to finish: the first admin's invite link (made by the service's
// `admin invite` command in the global setup), a restaurant, a manager, twelve tables and their
// printable codes, and a diner at table 7.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  baseUrl,
  cardText,
  expectAccessible,
  expectOnlyOwnOrigin,
  launchChromium,
  openPhone,
  type Phone,
  screenshot,
  uniqueTable,
} from './support';

const adminInviteLink = inject('adminInviteLink');
const laptop = { width: 1280, height: 800 };
const tablet = { width: 1024, height: 768 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function setPassword(page: Page, password: string) {
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
}

/** Clicks a download link and returns what the browser saved. */
async function download(page: Page, linkName: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  const path = await file.path();
  return readFileSync(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The page objects of a PDF. PDFBox may keep objects in compressed object streams, so the
 * Flate streams are inflated and searched too.
 */
function pdfPageCount(pdf: Buffer): number {
  const raw = pdf.toString('latin1');
  const texts = [raw];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      texts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a Flate stream (or not whole): nothing of the page tree in it.
    }
  }
  return texts.reduce((sum, text) => sum + (text.match(/\/Type\s*\/Page\b/g)?.length ?? 0), 0);
}

describe('the restaurant console', () => {
  const slug = uniqueTable('luigis');
  const restaurantName = 'Luigi’s';
  const managerEmail = `${slug}@e2e.example`;
  let admin: Phone;
  let manager: Phone;
  let diner: Phone;
  let managerInviteLink = '';

  beforeAll(async () => {
    admin = await openPhone(browser, { viewport: laptop });
    manager = await openPhone(browser, { viewport: tablet, colorScheme: 'dark' });
    diner = await openPhone(browser);
  });

  afterAll(async () => {
    await admin?.context.close();
    await manager?.context.close();
    await diner?.context.close();
  });

  it('lets the first admin set a password, create a restaurant and invite its manager', async () => {
    expect(
      adminInviteLink,
      'no admin invite link: see test-results/e2e-admin-invite.log (or set E2E_ADMIN_INVITE_LINK)',
    ).toMatch(/\/console\/invite\//);
    const { page } = admin;

    await page.goto(adminInviteLink);
    await page.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor();
    await page.getByText('ops@e2e.example').waitFor();
    await screenshot(page, 'console-01-invite');
    await expectAccessible(page, 'console invite');
    await setPassword(page, 'seven quiet harbour lanterns');
    await page.waitForURL('**/console/restaurants');

    await page.getByLabel('Name').fill(restaurantName);
    await page.getByLabel('Web address (optional)').fill(slug);
    await page.getByLabel('Time zone').fill('Europe/Rome');
    await page.getByRole('button', { name: 'Create restaurant' }).click();
    await page.waitForURL(`**/console/restaurants/${slug}`);
    await page.getByRole('heading', { level: 1, name: 'Tables' }).waitFor();

    await page.getByRole('link', { name: 'Managers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Managers' }).waitFor();
    await page.getByLabel('Their email').fill(managerEmail);
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    const link = page.getByRole('textbox', { name: `Invite link for ${managerEmail}` });
    await link.waitFor();
    managerInviteLink = await link.inputValue();
    expect(managerInviteLink).toMatch(new RegExp(`^${baseUrl}/console/invite/.+`));
    await screenshot(page, 'console-02-managers');
    await expectAccessible(page, 'console managers');
    expectOnlyOwnOrigin(admin);
  });

  it('lets the manager accept, add 12 tables and download their codes', async () => {
    expect(managerInviteLink).not.toBe('');
    const { page } = manager;

    await page.goto(managerInviteLink);
    await page.getByText(managerEmail).waitFor();
    await setPassword(page, 'twelve tables by the window');
    // A manager of one restaurant starts on its tables.
    await page.waitForURL(`**/console/restaurants/${slug}`);
    await page.getByRole('heading', { level: 1, name: 'Tables' }).waitFor();

    await page.getByLabel('Number of tables to add').fill('12');
    await page.getByRole('button', { name: 'Add tables' }).click();
    await page.getByRole('heading', { level: 2, name: '12 tables' }).waitFor();
    await screenshot(page, 'console-03-tables');
    await expectAccessible(page, 'console tables');

    const csv = (await download(page, 'Download CSV')).toString('utf8');
    const rows = csv.split(/\r?\n/).filter((line) => line !== '');
    expect(rows[0]).toBe('table,url');
    const expected = Array.from({ length: 12 }, (_, index) => `${index + 1},${baseUrl}/r/${slug}/t/${index + 1}`);
    expect(rows.slice(1).sort()).toEqual(expected.sort());

    await page.getByRole('radio', { name: 'A4' }).check();
    await page.getByRole('radio', { name: '4', exact: true }).check();
    const pdf = await download(page, 'Download printable PDF');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(3);
    expectOnlyOwnOrigin(manager);
  });

  it('greets a diner at table 7 with the restaurant’s name and starts a session there', async () => {
    const { page } = diner;
    await page.goto(`/r/${slug}/t/7`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe(`Welcome to ${restaurantName} · Table 7`);
    await screenshot(page, 'console-04-diner-welcome');
    await expectAccessible(page, 'restaurant table welcome');

    await page.getByRole('link', { name: 'Let’s begin' }).click();
    await page.getByRole('button', { name: 'Under 6 months' }).click();
    await page.getByRole('button', { name: /One phone/ }).click();
    await page.waitForURL(/\/s\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('article').count()).toBe(1);

    // The service recorded where the session is played: this restaurant, table 7.
    const sessionId = new URL(page.url()).pathname.split('/').pop();
    const recorded = await (await page.request.get(`${baseUrl}/api/sessions/${sessionId}`)).json();
    expect(recorded.restaurant).toEqual({ slug, name: restaurantName });
    expect(recorded.table).toEqual({ label: '7' });
    expectOnlyOwnOrigin(diner);
  });

  it('logs a whole visit at table 3 and shows it on the dashboard and in the export', async () => {
    const guest = await openPhone(browser);
    let sessionId = '';
    let likedQuestion = '';
    try {
      const { page } = guest;
      await page.goto(`/r/${slug}/t/3`);
      await page.getByRole('link', { name: 'Let’s begin' }).click();
      await page.getByRole('button', { name: '2 – 10 years' }).click();
      await page.getByRole('button', { name: /One phone/ }).click();
      await page.waitForURL(/\/s\/[0-9a-f-]{36}$/);
      sessionId = new URL(page.url()).pathname.split('/').pop() ?? '';

      for (let card = 1; card <= 10; card++) {
        if (card === 6) {
          // After five cards (the platform's default), one card asks whether they would recommend us.
          await page.getByRole('heading', { name: /How likely are you to recommend/ }).waitFor();
          await screenshot(page, 'console-05-recommend');
          await expectAccessible(page, 'recommend card');
          await page.getByRole('button', { name: '9', exact: true }).click();
        }
        await page.getByText(`Card ${card}`, { exact: true }).waitFor();
        if (card === 2) {
          likedQuestion = await cardText(page);
          const like = page.getByRole('button', { name: 'I like this question' });
          await like.click();
          await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
        }
        if (card < 10) await page.getByRole('button', { name: 'Next card' }).click();
      }
      await page.getByRole('button', { name: 'End session' }).click();
      await page
        .getByRole('group', { name: 'End the session?' })
        .getByRole('button', { name: 'End', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Thank you for talking' }).waitFor();
      expectOnlyOwnOrigin(guest);
    } finally {
      await guest.context.close();
    }

    // Two visits so far: table 7's stopped at the first card, table 3's went all the way.
    const { page } = manager;
    const expected: [string, string][] = [
      ['Scanned a table’s code', '2 visits'],
      ['Saw the welcome', '2 visits'],
      ['Said how long they’ve known each other', '2 visits'],
      ['Chose one phone or two', '2 visits'],
      ['Saw the first card', '2 sessions'],
      ['Reached card 5', '1 sessions'],
      ['Reached card 10', '1 sessions'],
      ['Ended the evening themselves', '1 sessions'],
    ];
    const funnelCount = (step: string) =>
      page
        .getByRole('row', { name: new RegExp(`^${step}`) })
        .getByRole('cell')
        .first()
        .innerText();
    await page.goto(`/console/restaurants/${slug}/insights`);
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { name: 'From scan to the end of the evening' }).waitFor();
          return funnelCount('Reached card 10');
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe('1 sessions');
    for (const [step, count] of expected) {
      expect(await funnelCount(step), step).toBe(count);
    }
    const liked = page.getByRole('row', { name: new RegExp(`^${escapeRegExp(likedQuestion)}`) });
    expect(await liked.innerText()).toContain('1 👍 · 0 👎');
    const recommend = page.getByRole('region', { name: 'Would they recommend us?' });
    expect(await recommend.getByRole('definition').allInnerTexts()).toEqual(['+100', '1']);
    await screenshot(page, 'console-06-insights');
    await expectAccessible(page, 'console insights');

    // The raw export holds the visit's every step in order, at table 3, joined to its session.
    const csv = (await download(page, 'Download events (CSV)')).toString('utf8');
    const [header, ...lines] = csv.split(/\r?\n/).filter((line) => line !== '');
    const columns = (header ?? '').split(',');
    expect(columns.slice(0, 7)).toEqual(['time', 'type', 'table', 'session', 'visit', 'participant', 'question']);
    const rows = lines.map((line) => line.split(','));
    const ofSession = rows.filter((row) => row[3] === sessionId);
    const visit = ofSession[0]?.[4] ?? '';
    expect(visit).toMatch(/^[0-9a-f-]{36}$/);
    const ofVisit = rows.filter((row) => row[4] === visit);
    expect(ofVisit.every((row) => row[2] === '3')).toBe(true);
    const times = ofVisit.map((row) => row[0] ?? '');
    expect([...times].sort()).toEqual(times);
    const types = ofVisit.map((row) => row[1]);
    expect(types.slice(0, 6)).toEqual([
      'scan',
      'welcome_viewed',
      'relationship_length_chosen',
      'mode_chosen',
      'session_created',
      'card_shown',
    ]);
    expect(types.filter((type) => type === 'card_shown')).toHaveLength(10);
    expect(types.filter((type) => type === 'card_advanced')).toHaveLength(9);
    expect(types).toContain('card_rated');
    expect(types).toContain('recommend_answered');
    expect(types.at(-1)).toBe('session_ended');
    expect(types.indexOf('card_rated')).toBeLessThan(types.indexOf('recommend_answered'));
    expectOnlyOwnOrigin(manager);
  });

  it('lets an admin edit the question library, while a session already dealt keeps its wording', async () => {
    const { page } = admin;
    const mark = uniqueTable('lib');
    // A diner's session is dealt a Mature card before anything changes.
    const created = await fetch(`${baseUrl}/api/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tableToken: uniqueTable('e2e-library'), context: 'mature', mode: 'single' }),
    });
    expect(created.status).toBe(201);
    const dealt = ((await created.json()) as { session: { id: string; card: { questionId: number; text: string } } })
      .session;

    interface LibraryQuestion {
      id: number;
      active: boolean;
      difficulty: string;
      category: string;
      type: string;
      text: string;
      hint: string;
      options: { id: string; text: string }[];
    }
    const listed = await page.request.get(`${baseUrl}/api/console/questions?context=mature&active=true`);
    expect(listed.status()).toBe(200);
    const mature = ((await listed.json()) as { questions: LibraryQuestion[] }).questions;
    const others = mature.filter((question) => question.id !== dealt.card.questionId);
    const retired = others[0];
    const changed = others.find((question) => question.type === 'open' && question !== retired);
    if (!retired || !changed) throw new Error('the Mature library is too small for this test');

    await page.goto('/console/questions');
    await page.getByRole('heading', { level: 1, name: 'Questions' }).waitFor();
    await page.getByRole('combobox', { name: 'Context' }).selectOption('mature');
    await page.waitForURL(/context=mature/);
    await expectAccessible(page, 'question library');

    // Edit the dealt card's wording: a new revision.
    const editedText = `What would you like us to keep doing for each other, ten years from now? (${mark})`;
    await page.getByRole('row').filter({ hasText: dealt.card.text }).getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Text', { exact: true }).fill(editedText);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved as revision 2.').waitFor();
    await screenshot(page, 'console-07-question-edit');

    // Retire another.
    await page.goto('/console/questions?context=mature');
    const retiredRow = page.getByRole('row').filter({ hasText: retired.text });
    await retiredRow.getByRole('button', { name: 'Retire' }).click();
    await retiredRow.getByRole('button', { name: 'Restore' }).waitFor();

    // Import: three new questions, one changed hint, one row refused.
    const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    const options = (question: LibraryQuestion) =>
      ['a', 'b', 'c', 'd'].map((id) => cell(question.options.find((option) => option.id === id)?.text ?? ''));
    const added = [1, 2, 3].map(
      (n) => `What is a small ritual of ours you would miss the most, number ${n}? (${mark})`,
    );
    const changedHint = `What makes it matter now? (${mark})`;
    const csv = [
      'id,context,active,difficulty,category,type,text,hint,option_a,option_b,option_c,option_d',
      ...added.map((text) => `,mature,true,deep,${changed.category},open,${cell(text)},Take your time.,,,,`),
      [
        changed.id,
        'mature',
        'true',
        changed.difficulty,
        changed.category,
        changed.type,
        cell(changed.text),
        cell(changedHint),
        ...options(changed),
      ].join(','),
      `,mature,true,easy,${changed.category},choice,Which of these would you pick tonight? (${mark}),Why that one?,Only this one,,,`,
    ].join('\n');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'questions.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('3 to add, 1 to change, 1 rejected').waitFor();
    const refused = page.getByRole('row').filter({ hasText: 'rejected' }).last();
    expect(await refused.innerText()).toMatch(/option/i);
    await screenshot(page, 'console-08-question-import');
    await expectAccessible(page, 'question import');
    await page.getByRole('button', { name: 'Apply these changes' }).click();
    await page.getByText('Applied: 3 added, 1 changed, 1 left out.').waitFor();

    // The export holds every change.
    const exported = (await download(page, 'Download CSV')).toString('utf8');
    expect(exported).toContain(editedText);
    for (const text of added) expect(exported).toContain(text);
    expect(exported).toContain(changedHint);
    expect(exported.split(/\r?\n/).some((line) => line.startsWith(`${retired.id},mature,false,`))).toBe(true);
    expect(exported).not.toContain('Only this one');

    // The session dealt before the edit still shows the wording it was dealt.
    const now = (await (await fetch(`${baseUrl}/api/sessions/${dealt.id}`)).json()) as {
      card: { questionId: number; text: string };
    };
    expect(now.card).toMatchObject({ questionId: dealt.card.questionId, text: dealt.card.text });
    expectOnlyOwnOrigin(admin);
  });
});
