import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '@/test/fake-api';
import { renderApp } from '@/test/render';
// Loaded up front so the lazy console route resolves at once, as it would after the first visit.
import '@/app/console/ConsoleApp';

// A console screen waits for several answers in a row (who is signed in, then its data).
configure({ asyncUtilTimeout: 5_000 });

const me = {
  user: { email: 'maria@example.com', role: 'MANAGER', restaurants: [{ slug: 'luigis', name: 'Luigi’s' }] },
};
const luigis = { restaurant: { slug: 'luigis', name: 'Luigi’s', timeZone: 'Europe/Rome', active: true } };
const aTable = (label: string, active = true) => ({
  label,
  url: `https://tabletalk.example/r/luigis/t/${encodeURIComponent(label)}`,
  active,
});

/** The service's tables, changed by the requests the page sends. */
function tablesService(initial: ReturnType<typeof aTable>[]) {
  let tables = initial;
  return fakeApi({
    'GET /api/console/me': { status: 200, body: me },
    'GET /api/console/restaurants/luigis': { status: 200, body: luigis },
    'GET /api/console/restaurants/luigis/tables': () => ({ status: 200, body: { tables } }),
    'POST /api/console/restaurants/luigis/tables': ({ body }) => {
      const count = typeof body === 'object' && body !== null && 'count' in body ? Number(body.count) : 0;
      const added = Array.from({ length: count }, (_, index) => aTable(String(tables.length + index + 1)));
      tables = [...tables, ...added];
      return { status: 201, body: { tables: added } };
    },
    'PATCH /api/console/restaurants/luigis/tables/7': ({ body }) => {
      if (typeof body !== 'object' || body === null) return apiError(400, 'invalid_request');
      if ('label' in body && body.label === '8') return apiError(409, 'conflict', { message: 'Table 8 exists.' });
      tables = tables.map((table) =>
        table.label !== '7'
          ? table
          : 'label' in body
            ? aTable(String(body.label))
            : { ...table, active: 'active' in body ? Boolean(body.active) : table.active },
      );
      return { status: 200, body: {} };
    },
  });
}

const twelve = Array.from({ length: 12 }, (_, index) => aTable(String(index + 1)));

describe('tables page', { timeout: 20_000 }, () => {
  it('adds N tables at once and says so', async () => {
    const { requests } = tablesService([]);
    const { user } = renderApp('/console/restaurants/luigis');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Tables' })).toHaveFocus());
    expect(await screen.findByText(/No tables yet/)).toBeInTheDocument();
    await user.type(screen.getByRole('spinbutton', { name: 'Number of tables to add' }), '12');
    await user.click(screen.getByRole('button', { name: 'Add tables' }));
    expect(await screen.findByRole('heading', { level: 2, name: '12 tables' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByRole('status').some((status) => status.textContent === 'Added 12 tables.')).toBe(true),
    );
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ count: 12 });
    expect(screen.getByRole('link', { name: 'https://tabletalk.example/r/luigis/t/7' })).toBeInTheDocument();
  });

  it('refuses a count outside 1–500 before sending it', async () => {
    tablesService([]);
    const { user } = renderApp('/console/restaurants/luigis');
    const count = await screen.findByRole('spinbutton', { name: 'Number of tables to add' });
    await user.type(count, '10000');
    expect(count).toHaveAccessibleDescription(/Enter a whole number from 1 to 500/);
    expect(screen.getByRole('button', { name: 'Add tables' })).toBeDisabled();
  });

  it('renames a table, and shows the server’s word when the label is taken', async () => {
    const { requests } = tablesService(twelve);
    const { user } = renderApp('/console/restaurants/luigis');
    await user.click(await screen.findByRole('button', { name: 'Rename table 7' }));
    const input = screen.getByRole('textbox', { name: 'New label for table 7' });
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, '8{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Table 8 exists.');
    await user.clear(input);
    await user.type(input, 'Window 7{Enter}');
    expect(await screen.findByRole('rowheader', { name: 'Window 7' })).toBeInTheDocument();
    expect(requests.filter((request) => request.method === 'PATCH').map((request) => request.body)).toEqual([
      { label: '8' },
      { label: 'Window 7' },
    ]);
  });

  it('deactivates a table', async () => {
    const { requests } = tablesService(twelve);
    const { user } = renderApp('/console/restaurants/luigis');
    await user.click(await screen.findByRole('button', { name: 'Deactivate table 7' }));
    expect(await screen.findByRole('button', { name: 'Reactivate table 7' })).toBeInTheDocument();
    const row = screen.getByRole('rowheader', { name: '7' }).closest('tr');
    expect(within(row as HTMLElement).getByText('Deactivated')).toBeInTheDocument();
    expect(requests.find((request) => request.method === 'PATCH')).toMatchObject({
      path: '/api/console/restaurants/luigis/tables/7',
      body: { active: false },
    });
  });

  it('builds the download links from the chosen paper, cards per page and selection', async () => {
    tablesService(twelve);
    const { user } = renderApp('/console/restaurants/luigis');
    const pdf = await screen.findByRole('link', { name: 'Download printable PDF' });
    const base = `${window.location.origin}/api/console/restaurants/luigis`;
    expect(pdf).toHaveAttribute('href', `${base}/qr-sheet.pdf?paper=a4&perPage=4`);
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', `${base}/tables.csv`);

    await user.click(screen.getByRole('radio', { name: 'US Letter' }));
    await user.click(screen.getByRole('radio', { name: '6' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select table 1' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select table 7' }));
    expect(screen.getByText(/The 2 selected tables\./)).toBeInTheDocument();
    expect(pdf).toHaveAttribute('href', `${base}/qr-sheet.pdf?paper=letter&perPage=6&tables=1,7`);
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', `${base}/tables.csv?tables=1,7`);
    expect(screen.getByRole('link', { name: 'Download QR codes (ZIP of SVGs)' })).toHaveAttribute(
      'href',
      `${base}/qr-codes.zip?tables=1,7`,
    );
    expect(screen.getByRole('img', { name: /Preview of the card for table 1: Luigi’s/ })).toBeInTheDocument();
    expect(screen.getByText(/6 cards per US Letter page/)).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Select all tables' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select all tables' }));
    await waitFor(() => expect(pdf).toHaveAttribute('href', `${base}/qr-sheet.pdf?paper=letter&perPage=6`));
  });

  it('sends a signed-out manager to sign in', async () => {
    fakeApi({ 'GET /api/console/me': apiError(401, 'unauthorized') });
    renderApp('/console/restaurants/luigis');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to the console' })).toBeInTheDocument();
  });

  it('says when the restaurant is not the manager’s', async () => {
    fakeApi({
      'GET /api/console/me': { status: 200, body: me },
      'GET /api/console/restaurants/other': apiError(404, 'not_found'),
    });
    renderApp('/console/restaurants/other');
    expect(await screen.findByRole('alert')).toHaveTextContent('This doesn’t exist, or isn’t one of yours.');
  });
});
