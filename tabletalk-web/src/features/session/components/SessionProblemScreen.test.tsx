import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { SessionProblem } from '../hooks/session-problem';
import { SessionProblemScreen } from './SessionProblemScreen';

function renderProblem(problem: SessionProblem, onRetry = vi.fn()) {
  render(
    <MemoryRouter>
      <SessionProblemScreen problem={problem} onRetry={onRetry} />
    </MemoryRouter>,
  );
  return onRetry;
}

describe('SessionProblemScreen', () => {
  it.each([
    [{ kind: 'expired', tableToken: 't7' }, 'This session has expired', 'Start a new one', '/t/t7'],
    [{ kind: 'ended', tableToken: 't7' }, 'This session has ended', 'Start a new one', '/t/t7'],
    [{ kind: 'ended', tableToken: 't7', endedHere: true }, 'Thank you for talking', 'Start a new one', '/t/t7'],
    [
      { kind: 'full', tableToken: 't7', mode: 'dual' },
      'This session already has two phones',
      'Start your own',
      '/t/t7',
    ],
    [
      { kind: 'full', tableToken: 't7', mode: 'single' },
      'This session is played on one phone',
      'Start your own',
      '/t/t7',
    ],
    [{ kind: 'full', tableToken: 't7' }, 'This session has no room for another phone', 'Start your own', '/t/t7'],
    [{ kind: 'unauthorized', tableToken: 't7' }, 'This phone has left the session', 'Start a new one', '/t/t7'],
    [{ kind: 'not_found' }, 'We can’t find this session', 'Scan your table’s code', '/'],
    [{ kind: 'expired' }, 'This session has expired', 'Scan your table’s code', '/'],
  ] satisfies [SessionProblem, string, string, string][])('%o has a clear way on', (problem, title, action, href) => {
    renderProblem(problem);
    expect(screen.getByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: action })).toHaveAttribute('href', href);
  });

  it('retries when the server is unreachable, showing the countdown', async () => {
    const onRetry = renderProblem({ kind: 'unreachable', failures: 1 });
    expect(screen.getByRole('heading', { level: 1, name: 'We can’t reach Table-Talk' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Trying again in 3 s…');
    await userEvent.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('retries by itself once the countdown runs out', async () => {
    vi.useFakeTimers();
    const onRetry = renderProblem({ kind: 'unreachable', failures: 2, retryAfterSeconds: 1 });
    expect(screen.getByRole('status')).toHaveTextContent('Trying again in 6 s…');
    for (let second = 0; second < 6; second++) {
      await act(() => vi.advanceTimersByTimeAsync(1_000));
    }
    expect(onRetry).toHaveBeenCalledOnce();
    vi.useRealTimers();
  });
});
