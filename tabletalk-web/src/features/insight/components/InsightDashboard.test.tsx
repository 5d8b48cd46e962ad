import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, type FakeResponse, fakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';
// Loaded up front so the lazy console route resolves at once, as it would after the first visit.
import '@/app/console/ConsoleApp';

// A console screen waits for several answers in a row (who is signed in, the restaurant, then its figures).
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no canvas: a stand-in records what the chart was given.
const charts = vi.hoisted(() => ({ data: [] as unknown[] }));
vi.mock('@/features/insight/chart-library', () => ({
  loadChartLibrary: async () =>
    class FakeChart {
      static paths = { bars: () => () => null };
      static tzDate = (date: Date) => date;
      constructor(_options: unknown, data: unknown) {
        charts.data.push(data);
      }
      setSize() {}
      destroy() {}
    },
}));

const manager = {
  user: { email: 'maria@example.com', role: 'MANAGER', restaurants: [{ slug: 'luigis', name: 'Luigi’s' }] },
};
const admin = { user: { email: 'ops@example.com', role: 'ADMIN', restaurants: [] } };
const luigis = { slug: 'luigis', name: 'Luigi’s', timeZone: 'Europe/Rome', active: true };

const zeroWeek = () => Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));

/** Figures chosen so every share on the page can be worked out by hand. */
function insights(from = '2026-10-31', to = '2026-11-29') {
  const hourOfWeek = zeroWeek();
  hourOfWeek[4]![20] = 12; // Friday 20:00
  hourOfWeek[5]![19] = 7; // Saturday 19:00
  return {
    scope: { restaurant: { slug: 'luigis', name: 'Luigi’s', timeZone: 'Europe/Rome' } },
    from,
    to,
    funnel: [
      { step: 'scan', count: 200 },
      { step: 'welcome_viewed', count: 180 }, // 10% drop
      { step: 'questions_chosen', count: 150 }, // 30/180 → 17%
      { step: 'mode_chosen', count: 120 }, // 20%
      { step: 'first_card', count: 100 }, // 20/120 → 17%
      { step: 'fifth_card', count: 60 }, // 40%
      { step: 'tenth_card', count: 30 }, // 50%
      { step: 'ended_by_guest', count: 24 }, // 20%
    ],
    sessionsByDay: [
      { day: '2026-11-27', sessions: 3 },
      { day: '2026-11-28', sessions: 9 },
      { day: '2026-11-29', sessions: 0 },
    ],
    hourOfWeek,
    sessions: { count: 100, medianMinutes: 23.5, medianCards: 8, twoPhone: { sessions: 40, joined: 30 } },
    tables: [
      { label: '7', scans: 50, sessions: 20, medianCards: 9 },
      { label: 'Patio 3', scans: 10, sessions: 4, medianCards: null },
    ],
    questions: [
      {
        questionId: 1,
        revision: 1,
        context: 'exploring',
        text: 'What made you laugh this week?',
        shown: 90,
        liked: 30,
        disliked: 10,
        medianSeconds: 42.5,
        quickShare: 0.1,
      },
      {
        questionId: 2,
        revision: 2,
        context: 'established',
        text: 'Where would you go tomorrow?',
        shown: 60,
        liked: 5,
        disliked: 15,
        medianSeconds: 12,
        quickShare: 0.4,
      },
      {
        questionId: 3,
        revision: 1,
        context: 'mature',
        text: 'Dogs or cats?',
        shown: 30,
        liked: 0,
        disliked: 0,
        medianSeconds: null,
        quickShare: null,
      },
    ],
    // 4 of 10 gave 9–10, 2 of 10 gave 0–6: 40% − 20% = +20.
    recommend: { score: 20, count: 10, distribution: [0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 1] },
    relationshipLengths: [
      { length: 'under_6_months', count: 10 },
      { length: '6_months_to_2_years', count: 30 },
      { length: '2_to_10_years', count: 40 },
      { length: 'over_10_years', count: 15 },
      { length: 'friends_or_family', count: 5 },
    ],
  };
}

function emptyInsights() {
  const figures = insights();
  return {
    ...figures,
    funnel: figures.funnel.map((step) => ({ ...step, count: 0 })),
    sessionsByDay: figures.sessionsByDay.map((day) => ({ ...day, sessions: 0 })),
    hourOfWeek: zeroWeek(),
    sessions: { count: 0, medianMinutes: null, medianCards: null, twoPhone: { sessions: 0, joined: 0 } },
    tables: [],
    questions: [],
    recommend: { score: null, count: 0, distribution: Array.from({ length: 11 }, () => 0) },
    relationshipLengths: figures.relationshipLengths.map((item) => ({ ...item, count: 0 })),
  };
}

/** The restaurant's service; `answer` gives the insights for the asked range. Returns the ranges asked for. */
function restaurantService(answer: (from: string, to: string) => FakeResponse, me: unknown = manager) {
  const ranges: string[] = [];
  const api = fakeApi({
    'GET /api/console/me': { status: 200, body: me },
    'GET /api/console/restaurants/luigis': { status: 200, body: { restaurant: luigis } },
    'GET /api/console/restaurants/luigis/insights': ({ url }) => {
      const from = url.searchParams.get('from') ?? '';
      const to = url.searchParams.get('to') ?? '';
      ranges.push(`${from}..${to}`);
      return answer(from, to);
    },
  });
  return { ...api, ranges };
}

const rowOf = (table: HTMLElement, name: RegExp) => within(table).getByRole('row', { name });
const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('insights dashboard', { timeout: 20_000 }, () => {
  beforeEach(() => {
    charts.data = [];
    // Only the clock: "today" is 29 November 2026 in Rome; timers stay real for the page's requests.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T12:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows every figure of the last 30 days', async () => {
    const { ranges } = restaurantService((from, to) => ({ status: 200, body: insights(from, to) }));
    renderApp('/console/restaurants/luigis/insights');
    const funnel = await screen.findByRole('table', { name: /each step/ });
    expect(ranges.at(-1)).toBe('2026-10-31..2026-11-29');
    expect(screen.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('From')).toHaveValue('2026-10-31');
    expect(screen.getByLabelText('To')).toHaveValue('2026-11-29');

    // The funnel: count and drop-off from the step before.
    expect(cellsOf(rowOf(funnel, /Scanned a table’s code/))).toEqual(['200 visits', '—', '']);
    expect(cellsOf(rowOf(funnel, /Saw the welcome/))).toEqual(['180 visits', '10%', '']);
    expect(cellsOf(rowOf(funnel, /known each other/))).toEqual(['150 visits', '17%', '']);
    expect(cellsOf(rowOf(funnel, /one phone or two/))).toEqual(['120 visits', '20%', '']);
    expect(cellsOf(rowOf(funnel, /first card/))).toEqual(['100 sessions', '17%', '']);
    expect(cellsOf(rowOf(funnel, /^Reached card 5/))).toEqual(['60 sessions', '40%', '']);
    expect(cellsOf(rowOf(funnel, /^Reached card 10/))).toEqual(['30 sessions', '50%', '']);
    expect(cellsOf(rowOf(funnel, /Ended the evening/))).toEqual(['24 sessions', '20%', '']);

    // Sessions by day: drawn from the days and said in words, with the days as a table too.
    expect(screen.getByText(/12 sessions over 3 days; the busiest day was Nov 28, 2026 with 9/)).toBeInTheDocument();
    await waitFor(() =>
      expect(charts.data.at(-1)).toEqual([
        [1795737600, 1795824000, 1795910400],
        [3, 9, 0],
      ]),
    );
    await userEvent.click(screen.getByText('Sessions by day as a table'));
    const byDay = screen.getByRole('table', { name: 'Sessions by day' });
    expect(cellsOf(rowOf(byDay, /Nov 28/))).toEqual(['9']);

    // The hour of the week, Monday first, with every count in the cell.
    const week = screen.getByRole('table', { name: /by weekday/ });
    const weekRows = within(week).getAllByRole('row').slice(1);
    expect(weekRows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'MonMonday',
      'TueTuesday',
      'WedWednesday',
      'ThuThursday',
      'FriFriday',
      'SatSaturday',
      'SunSunday',
    ]);
    expect(cellsOf(rowOf(week, /Friday/))[20]).toBe('12');
    expect(cellsOf(rowOf(week, /Saturday/))[19]).toBe('7');
    expect(cellsOf(rowOf(week, /Monday/))[20]).toBe('0');

    // The session figures.
    const sessions = screen.getByRole('region', { name: 'Sessions' });
    expect(within(sessions).getByText('Median length').nextElementSibling).toHaveTextContent('23.5 min');
    expect(within(sessions).getByText('Median cards').nextElementSibling).toHaveTextContent('8');
    expect(within(sessions).getByText('Second phone joined').nextElementSibling).toHaveTextContent('75%');
    expect(within(sessions).getByText('30 of 40 two-phone sessions')).toBeInTheDocument();

    // Per table.
    const tables = screen.getByRole('table', { name: /per table/ });
    expect(cellsOf(rowOf(tables, /^7/))).toEqual(['50', '20', '9']);
    expect(cellsOf(rowOf(tables, /^Patio 3/))).toEqual(['10', '4', '—']);

    // Per question: 👍 out of rated, median seconds, share advanced within 5 s.
    const questions = screen.getByRole('table', { name: /per question/ });
    expect(cellsOf(rowOf(questions, /laugh/))).toEqual(['90', '75%30 👍 · 10 👎', '42.5 s', '10%']);
    expect(cellsOf(rowOf(questions, /tomorrow/))).toEqual(['60', '25%5 👍 · 15 👎', '12 s', '40%']);
    expect(cellsOf(rowOf(questions, /Dogs/))).toEqual(['30', '—0 👍 · 0 👎', '—', '—']);
    expect(rowOf(questions, /tomorrow/)).toHaveTextContent('Established · version 2');

    // Recommend: the score in words, the count and every score's answers.
    const recommend = screen.getByRole('region', { name: 'Would they recommend us?' });
    expect(within(recommend).getByText('NPS').nextElementSibling).toHaveTextContent('+20');
    expect(within(recommend).getByText('Answers').nextElementSibling).toHaveTextContent('10');
    expect(within(recommend).getByText(/share who answered 9 or 10 minus the share who answered 0 to 6/)).toBeVisible();
    const scores = within(within(recommend).getByRole('list', { name: 'Answers by score' })).getAllByRole('listitem');
    expect(scores.map((item) => within(item).getByText(/^Score/).textContent)).toEqual([
      'Score 0: 0',
      'Score 1: 0',
      'Score 2: 0',
      'Score 3: 0',
      'Score 4: 0',
      'Score 5: 1',
      'Score 6: 1',
      'Score 7: 2',
      'Score 8: 2',
      'Score 9: 3',
      'Score 10: 1',
    ]);

    // How long they've known each other, with friendly names.
    const lengths = within(screen.getByRole('region', { name: 'How long they’ve known each other' })).getAllByRole(
      'listitem',
    );
    expect(lengths.map((item) => item.textContent)).toEqual([
      'Under 6 months10 (10%)',
      '6 months to 2 years30 (30%)',
      '2 to 10 years40 (40%)',
      'Over 10 years15 (15%)',
      'Friends or family5 (5%)',
    ]);

    // The raw events of the same days, as plain download links.
    expect(screen.getByRole('link', { name: 'Download events (CSV)' })).toHaveAttribute(
      'href',
      'http://localhost:3000/api/console/restaurants/luigis/events.csv?from=2026-10-31&to=2026-11-29',
    );
    expect(screen.getByRole('link', { name: 'Download events (JSON lines)' })).toHaveAttribute(
      'href',
      'http://localhost:3000/api/console/restaurants/luigis/events.jsonl?from=2026-10-31&to=2026-11-29',
    );
  });

  it('says so when nobody came in the range', async () => {
    restaurantService(() => ({ status: 200, body: emptyInsights() }));
    renderApp('/console/restaurants/luigis/insights');
    expect(await screen.findByText('No visits in this range yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /each step/ })).toBeNull();
    // Another range can still be chosen.
    expect(screen.getByRole('button', { name: 'Last 90 days' })).toBeEnabled();
  });

  it('shows a failure and tries again', async () => {
    let fail = true;
    restaurantService(() => (fail ? apiError(503, 'unavailable') : { status: 200, body: insights() }));
    const { user } = renderApp('/console/restaurants/luigis/insights');
    expect(await screen.findByRole('alert')).toHaveTextContent('Table-Talk is busy for a moment');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: /each step/ })).toBeInTheDocument();
  });

  it('keeps the chosen range in the address and asks for it', async () => {
    const { ranges } = restaurantService((from, to) => ({ status: 200, body: insights(from, to) }));
    const { user, search } = renderApp('/console/restaurants/luigis/insights');
    await screen.findByRole('table', { name: /each step/ });

    await user.click(screen.getByRole('button', { name: 'Last 7 days' }));
    await waitFor(() => expect(ranges.at(-1)).toBe('2026-11-23..2026-11-29'));
    expect(search()).toBe('?from=2026-11-23&to=2026-11-29');
    expect(screen.getByRole('button', { name: 'Last 7 days' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText('From')).toHaveValue('2026-11-23');
    expect(await screen.findByRole('link', { name: 'Download events (CSV)' })).toHaveAttribute(
      'href',
      expect.stringContaining('?from=2026-11-23&to=2026-11-29'),
    );

    // Typed days apply with the button; a reversed range is refused without asking the service.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-30' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
    await user.click(screen.getByRole('button', { name: 'Show these days' }));
    expect(screen.getByText('The first day must come before the last.')).toBeInTheDocument();
    expect(search()).toBe('?from=2026-11-23&to=2026-11-29');

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-09-01' } });
    await user.click(screen.getByRole('button', { name: 'Show these days' }));
    await waitFor(() => expect(ranges.at(-1)).toBe('2026-09-01..2026-11-01'));
    expect(search()).toBe('?from=2026-09-01&to=2026-11-01');
    expect(screen.getByRole('button', { name: 'Last 30 days' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('opens a shared link on its own days', async () => {
    const { ranges } = restaurantService((from, to) => ({ status: 200, body: insights(from, to) }));
    renderApp('/console/restaurants/luigis/insights?from=2026-06-01&to=2026-06-30');
    await screen.findByRole('table', { name: /each step/ });
    expect(ranges).toContain('2026-06-01..2026-06-30');
    expect(ranges.every((range) => range === '2026-06-01..2026-06-30')).toBe(true);
    expect(screen.getByLabelText('From')).toHaveValue('2026-06-01');
  });

  it('sorts the questions by the chosen column', async () => {
    restaurantService(() => ({ status: 200, body: insights() }));
    const { user } = renderApp('/console/restaurants/luigis/insights');
    const questions = await screen.findByRole('table', { name: /per question/ });
    const order = () =>
      within(questions)
        .getAllByRole('rowheader')
        .map((cell) => cell.querySelector('span')?.textContent);
    expect(order()).toEqual(['What made you laugh this week?', 'Where would you go tomorrow?', 'Dogs or cats?']);
    expect(within(questions).getByRole('columnheader', { name: /Shown/ })).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(questions).getByRole('button', { name: /Advanced within 5 s/ }));
    expect(order()).toEqual(['Where would you go tomorrow?', 'What made you laugh this week?', 'Dogs or cats?']);
    expect(within(questions).getByRole('columnheader', { name: /Advanced/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    // Again: the other way round; a card without the figure stays last.
    await user.click(within(questions).getByRole('button', { name: /Advanced within 5 s/ }));
    expect(order()).toEqual(['What made you laugh this week?', 'Where would you go tomorrow?', 'Dogs or cats?']);
    expect(within(questions).getByRole('columnheader', { name: /Advanced/ })).toHaveAttribute('aria-sort', 'ascending');

    await user.click(within(questions).getByRole('button', { name: /Question/ }));
    expect(order()).toEqual(['Dogs or cats?', 'What made you laugh this week?', 'Where would you go tomorrow?']);

    await user.click(within(questions).getByRole('button', { name: /Thumbs-up share/ }));
    expect(order()).toEqual(['What made you laugh this week?', 'Where would you go tomorrow?', 'Dogs or cats?']);
  });

  it('is reached from the restaurant’s tabs', async () => {
    fakeApi({
      'GET /api/console/me': { status: 200, body: manager },
      'GET /api/console/restaurants/luigis': { status: 200, body: { restaurant: luigis } },
      'GET /api/console/restaurants/luigis/managers': { status: 200, body: { managers: [] } },
      'GET /api/console/restaurants/luigis/insights': { status: 200, body: insights() },
    });
    const { user, path } = renderApp('/console/restaurants/luigis/managers');
    const tabs = await screen.findByRole('navigation', { name: 'This restaurant' });
    await user.click(within(tabs).getByRole('link', { name: 'Insights' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Insights' })).toBeInTheDocument();
    expect(path()).toBe('/console/restaurants/luigis/insights');
  });
});

describe('insights across all restaurants', { timeout: 20_000 }, () => {
  it('is linked for admins and shows the platform’s figures', async () => {
    const asked: string[] = [];
    fakeApi({
      'GET /api/console/me': { status: 200, body: admin },
      'GET /api/console/restaurants': { status: 200, body: { restaurants: [luigis] } },
      'GET /api/console/insights': ({ url }) => {
        asked.push(url.search);
        return { status: 200, body: { ...insights(), scope: { restaurant: null } } };
      },
    });
    const { user, path } = renderApp('/console/restaurants');
    await user.click(await screen.findByRole('link', { name: 'Insights across all restaurants' }));
    expect(path()).toBe('/console/insights');
    expect(await screen.findByRole('table', { name: /each step/ })).toBeInTheDocument();
    expect(asked.at(-1)).toMatch(/^\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    expect(screen.getByText(/each restaurant in its own time zone/)).toBeInTheDocument();
    // Exports are per restaurant.
    expect(screen.queryByRole('link', { name: /Download events/ })).toBeNull();
  });

  it('is neither linked nor open for a manager', async () => {
    fakeApi({
      'GET /api/console/me': { status: 200, body: manager },
      'GET /api/console/restaurants': { status: 200, body: { restaurants: [luigis] } },
    });
    const { unmount } = renderApp('/console/restaurants');
    expect(await screen.findByRole('link', { name: 'Luigi’s' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /all restaurants/ })).toBeNull();
    unmount();

    renderApp('/console/insights');
    expect(await screen.findByRole('heading', { level: 1, name: 'Nothing here' })).toBeInTheDocument();
  });
});
