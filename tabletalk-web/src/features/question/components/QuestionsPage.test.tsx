import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';
// Loaded up front so the lazy console route resolves at once, as it would after the first visit.
import '@/app/console/ConsoleApp';

configure({ asyncUtilTimeout: 5_000 });

const admin = { status: 200, body: { user: { email: 'ops@example.com', role: 'ADMIN', restaurants: [] } } };

function question(overrides: Record<string, unknown> = {}) {
  return {
    id: 1001,
    context: 'exploring',
    type: 'open',
    difficulty: 'easy',
    category: 'travel',
    active: true,
    revision: 1,
    text: 'Where would you go tomorrow?',
    hint: 'Anywhere at all',
    options: [] as { id: string; text: string }[],
    shown: 40,
    liked: 9,
    disliked: 1,
    medianSeconds: 41.5 as number | undefined,
    ...overrides,
  };
}

const library = [
  question(),
  question({
    id: 2001,
    context: 'established',
    type: 'choice',
    difficulty: 'medium',
    category: 'habits',
    text: 'Which breakfast wins?',
    hint: 'Pick one',
    options: [
      { id: 'a', text: 'Pancakes' },
      { id: 'b', text: 'Eggs' },
    ],
    shown: 3,
    liked: 0,
    disliked: 0,
    medianSeconds: undefined,
  }),
  question({ id: 3001, context: 'mature', active: false, text: 'What did we learn this year?', shown: 100 }),
];

const rowOf = (id: number) => screen.getByRole('row', { name: new RegExp(`^${id} `) });

describe('the question library', { timeout: 60_000 }, () => {
  it('lists every question with its wording, options and figures', async () => {
    fakeApi({
      'GET /api/console/me': admin,
      'GET /api/console/questions': { status: 200, body: { questions: library } },
    });
    renderApp('/console/questions');
    expect(await screen.findByRole('heading', { level: 1, name: 'Questions' })).toBeInTheDocument();
    await screen.findByText('Where would you go tomorrow?');
    const choice = rowOf(2001);
    expect(within(choice).getByText('Pancakes', { exact: false })).toBeInTheDocument();
    expect(within(choice).getByText('Pick one')).toBeInTheDocument();
    expect(within(rowOf(1001)).getByText('90%')).toBeInTheDocument();
    expect(within(rowOf(1001)).getByText('42 s')).toBeInTheDocument();
    expect(within(rowOf(2001)).getAllByText('—')).toHaveLength(2);
    expect(within(rowOf(3001)).getByRole('button', { name: 'Restore' })).toBeInTheDocument();
    expect(within(rowOf(1001)).getByRole('button', { name: 'Retire' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
      'href',
      expect.stringMatching(/\/api\/console\/questions\.csv$/),
    );
    expect(screen.getByRole('heading', { name: 'Import questions' })).toBeInTheDocument();
  });

  it('keeps filters and sort in the address and asks the service for them', async () => {
    fakeApi({
      'GET /api/console/me': admin,
      'GET /api/console/questions': ({ url }) => ({
        status: 200,
        body: { questions: url.searchParams.get('context') === 'mature' ? [] : library },
      }),
    });
    const { user, search } = renderApp('/console/questions?difficulty=easy');
    await screen.findByText('Where would you go tomorrow?');
    expect(screen.getByRole('combobox', { name: 'Difficulty' })).toHaveValue('easy');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Active' }), 'false');
    await waitFor(() => expect(search()).toBe('?difficulty=easy&active=false'));
    await user.type(screen.getByRole('searchbox', { name: 'Search questions' }), 'year');
    await waitFor(() => expect(search()).toBe('?difficulty=easy&active=false&q=year'));
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
      'href',
      expect.stringContaining('/api/console/questions.csv?difficulty=easy&active=false&q=year'),
    );

    await user.click(screen.getByRole('button', { name: /^Shown/ }));
    await waitFor(() => expect(search()).toContain('sort=shown'));
    const ids = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
    expect(ids()).toEqual(['2001', '1001', '3001']);
    await user.click(screen.getByRole('button', { name: /^Shown/ }));
    await waitFor(() => expect(search()).toContain('order=desc'));
    expect(ids()).toEqual(['3001', '1001', '2001']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Context' }), 'mature');
    expect(await screen.findByText('No question matches these filters.')).toBeInTheDocument();
    expect(search()).toContain('context=mature');
  });

  it('sends the filters with the list request', async () => {
    const seen: string[] = [];
    fakeApi({
      'GET /api/console/me': admin,
      'GET /api/console/questions': ({ url }) => {
        seen.push(url.search);
        return { status: 200, body: { questions: [] } };
      },
    });
    const { user } = renderApp('/console/questions');
    await screen.findByText('No question matches these filters.');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'choice');
    await waitFor(() => expect(seen.at(-1)).toBe('?type=choice'));
    await user.type(screen.getByRole('textbox', { name: 'Category' }), 'food');
    await waitFor(() => expect(seen.at(-1)).toBe('?type=choice&category=food'));
  });

  it('retires and restores a question', async () => {
    let questions = library;
    const { requests } = fakeApi({
      'GET /api/console/me': admin,
      'GET /api/console/questions': () => ({ status: 200, body: { questions } }),
      'POST /api/console/questions/1001/retire': () => {
        questions = questions.map((each) => (each.id === 1001 ? { ...each, active: false } : each));
        return { status: 200, body: { question: questions[0] } };
      },
      'POST /api/console/questions/3001/restore': () => {
        questions = questions.map((each) => (each.id === 3001 ? { ...each, active: true } : each));
        return { status: 200, body: { question: questions[2] } };
      },
    });
    const { user } = renderApp('/console/questions');
    await screen.findByText('Where would you go tomorrow?');
    await user.click(within(rowOf(1001)).getByRole('button', { name: 'Retire' }));
    expect(await screen.findByText('Question 1001 is retired.')).toBeInTheDocument();
    expect(await within(rowOf(1001)).findByRole('button', { name: 'Restore' })).toBeInTheDocument();
    await user.click(within(rowOf(3001)).getByRole('button', { name: 'Restore' }));
    expect(await within(rowOf(3001)).findByRole('button', { name: 'Retire' })).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'POST').map((request) => request.path)).toEqual([
      '/api/console/questions/1001/retire',
      '/api/console/questions/3001/restore',
    ]);
  });

  it('edits a question: sends only what changed and shows the service’s rule', async () => {
    let current = { ...library[1]!, revisions: [] as unknown[] };
    const revision1 = {
      revision: 1,
      text: current.text,
      hint: current.hint,
      options: current.options,
      difficulty: 'medium',
      category: 'habits',
      createdAt: '2026-11-01T10:00:00Z',
      createdBy: null,
    };
    current.revisions = [revision1];
    const { requests } = fakeApi({
      'GET /api/console/me': admin,
      'GET /api/console/questions': { status: 200, body: { questions: library } },
      'GET /api/console/questions/2001': () => ({ status: 200, body: { question: current } }),
      'PATCH /api/console/questions/2001': ({ body }) => {
        const change = body as { text?: string; options?: string[] };
        if (change.text && change.text.length < 10) {
          return { status: 400, body: { error: 'invalid_request', message: 'The text needs 10 to 200 characters.' } };
        }
        current = {
          ...current,
          ...change,
          options: (change.options ?? ['Pancakes', 'Eggs']).map((text, index) => ({ id: 'abcd'[index]!, text })),
          revision: 2,
          revisions: [
            revision1,
            { ...revision1, revision: 2, text: change.text ?? current.text, createdBy: 'ops@example.com' },
          ],
        };
        return { status: 200, body: { question: current } };
      },
    });
    const { user, path } = renderApp('/console/questions');
    await screen.findByText('Which breakfast wins?');
    await user.click(within(rowOf(2001)).getByRole('button', { name: 'Edit' }));
    await waitFor(() => expect(path()).toBe('/console/questions/2001'));
    const text = await screen.findByRole('textbox', { name: 'Text' });
    expect(text).toHaveValue('Which breakfast wins?');
    expect(screen.getByRole('textbox', { name: 'Option b' })).toHaveValue('Eggs');
    expect(screen.getByText('from the seed files', { exact: false })).toBeInTheDocument();

    await user.clear(text);
    await user.type(text, 'Short?');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The text needs 10 to 200 characters.');

    await user.clear(text);
    await user.type(text, 'Which breakfast wins on a Sunday?');
    await user.type(screen.getByRole('textbox', { name: 'Option c' }), 'Porridge');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved as revision 2.')).toBeInTheDocument();
    const patches = requests.filter((request) => request.method === 'PATCH').map((request) => request.body);
    expect(patches).toEqual([
      { text: 'Short?' },
      { text: 'Which breakfast wins on a Sunday?', options: ['Pancakes', 'Eggs', 'Porridge'] },
    ]);
    expect(await screen.findByText('Revision 2 (current)', { exact: false })).toBeInTheDocument();
  });

  it('refuses a choice card with one option before sending', async () => {
    fakeApi({
      'GET /api/console/me': admin,
      'GET /api/console/questions': { status: 200, body: { questions: library } },
      'POST /api/console/questions': apiError(400, 'invalid_request'),
    });
    const { user } = renderApp('/console/questions');
    await user.click(await screen.findByRole('button', { name: 'Add a question' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Type' }), 'choice');
    await user.type(screen.getByRole('textbox', { name: 'Category' }), 'food');
    await user.type(screen.getByRole('textbox', { name: 'Text' }), 'Sweet or savoury first?');
    await user.type(screen.getByRole('textbox', { name: 'Hint' }), 'Be honest');
    await user.type(screen.getByRole('textbox', { name: 'Option a' }), 'Sweet');
    expect(screen.getByText('A choice card has 2 to 4 options.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a question' })).toBeDisabled();
  });

  it('adds a question and opens it', async () => {
    const created = question({ id: 1002, text: 'What made you laugh today?', hint: 'Anything', category: 'fun' });
    const { requests } = fakeApi({
      'GET /api/console/me': admin,
      'GET /api/console/questions': { status: 200, body: { questions: library } },
      'POST /api/console/questions': { status: 201, body: { question: created } },
      'GET /api/console/questions/1002': {
        status: 200,
        body: {
          question: {
            ...created,
            revisions: [
              {
                revision: 1,
                text: created.text,
                hint: created.hint,
                options: [],
                difficulty: 'easy',
                category: 'fun',
                createdAt: '2026-11-29T10:00:00Z',
                createdBy: 'ops@example.com',
              },
            ],
          },
        },
      },
    });
    const { user, path } = renderApp('/console/questions');
    await user.click(await screen.findByRole('button', { name: 'Add a question' }));
    await user.type(await screen.findByRole('textbox', { name: 'Category' }), 'fun');
    await user.type(screen.getByRole('textbox', { name: 'Text' }), 'What made you laugh today?');
    await user.type(screen.getByRole('textbox', { name: 'Hint' }), 'Anything');
    await user.click(screen.getByRole('button', { name: 'Add a question' }));
    await waitFor(() => expect(path()).toBe('/console/questions/1002'));
    expect(await screen.findByText('Question 1002 added.')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      context: 'exploring',
      type: 'open',
      difficulty: 'easy',
      category: 'fun',
      text: 'What made you laugh today?',
      hint: 'Anything',
      options: [],
    });
  });

  it('is linked where admins see the restaurants', async () => {
    fakeApi({
      'GET /api/console/me': admin,
      'GET /api/console/restaurants': { status: 200, body: { restaurants: [] } },
      'GET /api/console/questions': { status: 200, body: { questions: library } },
    });
    const { user, path } = renderApp('/console/restaurants');
    await user.click(await screen.findByRole('link', { name: 'Questions' }));
    await waitFor(() => expect(path()).toBe('/console/questions'));
    expect(await screen.findByText('Where would you go tomorrow?')).toBeInTheDocument();
  });

  it('is not there for a manager', async () => {
    fakeApi({
      'GET /api/console/me': {
        status: 200,
        body: { user: { email: 'maria@example.com', role: 'MANAGER', restaurants: [] } },
      },
    });
    renderApp('/console/questions');
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent('Questions');
    expect(screen.queryByRole('combobox', { name: 'Context' })).not.toBeInTheDocument();
  });
});

describe('importing questions', { timeout: 60_000 }, () => {
  const report = (rejected: boolean) => ({
    rows: [
      { line: 2, id: null, action: 'add', reason: null, fields: [] },
      { line: 3, id: 1001, action: 'change', reason: null, fields: ['text', 'hint'] },
      ...(rejected
        ? [{ line: 4, id: 2001, action: 'reject', reason: 'The type or context changed.', fields: [] }]
        : []),
    ],
    summary: { added: 1, changed: 1, retired: 0, restored: 0, unchanged: 0, rejected: rejected ? 1 : 0 },
  });

  async function checkFile(rejected: boolean) {
    let listed = 0;
    const fake = fakeApi({
      'GET /api/console/me': admin,
      'GET /api/console/questions': () => {
        listed += 1;
        return { status: 200, body: { questions: library } };
      },
      'POST /api/console/questions/import': () => ({ status: 200, body: report(rejected) }),
    });
    const view = renderApp('/console/questions');
    await screen.findByText('Where would you go tomorrow?');
    const csv = 'id,context,active,difficulty,category,type,text,hint,option_a,option_b,option_c,option_d\n';
    await view.user.upload(screen.getByLabelText('CSV file'), new File([csv], 'questions.csv', { type: 'text/csv' }));
    await view.user.click(screen.getByRole('button', { name: 'Check file' }));
    return { ...fake, ...view, csv, listed: () => listed };
  }

  it('shows the check row by row, and applying leaves the rejected row out', async () => {
    const { requests, csv, user } = await checkFile(true);
    expect(await screen.findByText('1 to add, 1 to change, 1 rejected')).toBeInTheDocument();
    const rejectedRow = screen.getByRole('row', { name: /^4 2001 rejected/ });
    expect(rejectedRow).toHaveTextContent('The type or context changed.');
    expect(screen.getByRole('row', { name: /^3 1001 change/ })).toHaveTextContent('text, hint');
    expect(screen.getByText(/Rejected rows are left out when you apply the file/)).toBeInTheDocument();
    const posts = () => requests.filter((request) => request.method === 'POST');
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.body).toBe(csv);
    await user.click(screen.getByRole('button', { name: 'Apply these changes' }));
    expect(await screen.findByText('Applied: 1 added, 1 changed, 1 left out.')).toBeInTheDocument();
    expect(posts()).toHaveLength(2);
  });

  it('applies a clean file, says what was done and reloads the list', async () => {
    const { user, fetchMock, listed } = await checkFile(false);
    expect(await screen.findByText('1 to add, 1 to change')).toBeInTheDocument();
    const before = listed();
    await user.click(screen.getByRole('button', { name: 'Apply these changes' }));
    expect(await screen.findByText('Applied: 1 added, 1 changed.')).toBeInTheDocument();
    await waitFor(() => expect(listed()).toBeGreaterThan(before));
    const imports = fetchMock.mock.calls
      .map(([input, init]) => ({ url: String(input), init }))
      .filter(({ url }) => url.includes('/questions/import'));
    expect(imports.map(({ url }) => new URL(url).search)).toEqual(['?dryRun=true', '']);
    expect(new Headers(imports[1]?.init?.headers).get('Content-Type')).toBe('text/csv');
  });
});
