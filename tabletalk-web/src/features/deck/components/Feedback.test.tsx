import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SessionState } from '@/lib/messages';
import { saveParticipant } from '@/lib/participant-store';
import { fakeApi } from '@/test/fake-api';
import { aChoiceCard, aDualSession, aSession, sessionId } from '@/test/fixtures';
import { DeckView } from './DeckView';

const ratingPath = (questionId: number) => `/api/sessions/${sessionId}/ratings/${questionId}`;
const recommendPath = `/api/sessions/${sessionId}/recommend`;

function renderDeck(state: SessionState, me = 'A') {
  saveParticipant(sessionId, { id: me, token: `tok-${me.toLowerCase()}` });
  const onCommand = vi.fn();
  const utils = render(<DeckView state={state} me={me} pending={null} onCommand={onCommand} />);
  const rerenderWith = (next: SessionState) =>
    utils.rerender(<DeckView state={next} me={me} pending={null} onCommand={onCommand} />);
  return { onCommand, rerenderWith, ...utils };
}

describe('liking a question', () => {
  it('offers 👍 and 👎, shows the choice, lets it change and sends it with this phone’s token', async () => {
    const { requests } = fakeApi({ [`PUT ${ratingPath(17)}`]: { status: 204 } });
    renderDeck(aSession());
    const like = screen.getByRole('button', { name: 'I like this question' });
    const dislike = screen.getByRole('button', { name: 'I don’t like this question' });
    expect(screen.getByRole('group', { name: 'Like this question?' })).toContainElement(like);
    expect(like).toHaveAttribute('aria-pressed', 'false');
    expect(dislike).toHaveAttribute('aria-pressed', 'false');

    await userEvent.click(like);
    expect(like).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(dislike);
    expect(like).toHaveAttribute('aria-pressed', 'false');
    expect(dislike).toHaveAttribute('aria-pressed', 'true');

    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests).toEqual([
      { method: 'PUT', path: ratingPath(17), authorization: 'Bearer tok-a', body: { rating: 'up' } },
      { method: 'PUT', path: ratingPath(17), authorization: 'Bearer tok-a', body: { rating: 'down' } },
    ]);
  });

  it('takes the rating back with a second tap on the same one', async () => {
    const { requests } = fakeApi({ [`PUT ${ratingPath(17)}`]: { status: 204 } });
    renderDeck(aSession());
    const like = screen.getByRole('button', { name: 'I like this question' });
    await userEvent.click(like);
    await userEvent.click(like);
    expect(like).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() =>
      expect(requests.map((request) => request.body)).toEqual([{ rating: 'up' }, { rating: 'none' }]),
    );
  });

  it('remembers the rating per card for a reload, and starts the next card unrated', async () => {
    fakeApi({ [`PUT ${ratingPath(17)}`]: { status: 204 } });
    const { unmount } = renderDeck(aSession());
    await userEvent.click(screen.getByRole('button', { name: 'I don’t like this question' }));
    unmount();

    const { rerenderWith } = renderDeck(aSession());
    expect(screen.getByRole('button', { name: 'I don’t like this question' })).toHaveAttribute('aria-pressed', 'true');
    rerenderWith(aSession({ position: 1, card: aChoiceCard() }));
    expect(screen.getByRole('button', { name: 'I don’t like this question' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('says nothing when the rating cannot be sent, and never holds up the next card', async () => {
    const { requests } = fakeApi({
      [`PUT ${ratingPath(17)}`]: { status: 400, body: { error: 'invalid_request', message: 'No.' } },
    });
    const { onCommand } = renderDeck(aSession());
    await userEvent.click(screen.getByRole('button', { name: 'I like this question' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next card' }));
    expect(onCommand).toHaveBeenCalledWith({ type: 'next' });
  });
});

describe('the recommend card', () => {
  const question = 'How likely are you to recommend Table-Talk to a friend?';

  it('is not asked before the restaurant’s card count, nor when it is 0 or absent', () => {
    fakeApi({});
    const { rerenderWith } = renderDeck(aSession({ position: 4, recommendAfterCards: 5 }));
    expect(screen.queryByRole('heading', { name: question })).not.toBeInTheDocument();
    rerenderWith(aSession({ position: 30, recommendAfterCards: 0 }));
    expect(screen.queryByRole('heading', { name: question })).not.toBeInTheDocument();
    // A service that does not send the setting: never.
    const older = aSession({ position: 30 });
    Reflect.deleteProperty(older, 'recommendAfterCards');
    rerenderWith(older);
    expect(screen.queryByRole('heading', { name: question })).not.toBeInTheDocument();
  });

  it('comes before the next question once the count is reached, sends the score and goes back to the deck', async () => {
    const { requests } = fakeApi({ [`PUT ${recommendPath}`]: { status: 204 } });
    const { rerenderWith } = renderDeck(aSession({ position: 4, recommendAfterCards: 5 }));
    rerenderWith(aSession({ position: 5, recommendAfterCards: 5 }));

    const heading = screen.getByRole('heading', { name: question });
    expect(heading).toHaveFocus();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    const scores = screen.getByRole('group', { name: question });
    expect(Array.from(scores.querySelectorAll('button'), (button) => button.textContent)).toEqual(
      Array.from({ length: 11 }, (_, score) => String(score)),
    );
    expect(screen.getByRole('button', { name: '0' })).toHaveAccessibleDescription('Not likely');
    expect(screen.getByRole('button', { name: '10' })).toHaveAccessibleDescription('Very likely');

    await userEvent.click(screen.getByRole('button', { name: '9' }));
    expect(screen.getByRole('article', { name: /smile this week/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /smile this week/ })).toHaveFocus();
    await waitFor(() =>
      expect(requests).toEqual([
        { method: 'PUT', path: recommendPath, authorization: 'Bearer tok-a', body: { score: 9 } },
      ]),
    );

    // Once per session on this phone.
    rerenderWith(aSession({ position: 6, recommendAfterCards: 5 }));
    expect(screen.queryByRole('heading', { name: question })).not.toBeInTheDocument();
  });

  it('can be skipped, and a reload does not ask again', async () => {
    const { requests } = fakeApi({ [`PUT ${recommendPath}`]: { status: 204 } });
    const { unmount } = renderDeck(aSession({ position: 7, recommendAfterCards: 5 }));
    await userEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(screen.getByRole('button', { name: 'Next card' })).toBeInTheDocument();
    await waitFor(() => expect(requests.map((request) => request.body)).toEqual([{ skipped: true }]));
    unmount();
    renderDeck(aSession({ position: 8, recommendAfterCards: 5 }));
    expect(screen.queryByRole('heading', { name: question })).not.toBeInTheDocument();
  });

  it('is asked of each phone for itself in a two-phone session', async () => {
    const { requests } = fakeApi({ [`PUT ${recommendPath}`]: { status: 204 } });
    const state = aDualSession({ position: 5, recommendAfterCards: 5 });
    const { unmount } = renderDeck(state, 'A');
    await userEvent.click(screen.getByRole('button', { name: '10' }));
    unmount();
    renderDeck(state, 'B');
    await userEvent.click(screen.getByRole('button', { name: '6' }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests.map(({ authorization, body }) => [authorization, body])).toEqual([
      ['Bearer tok-a', { score: 10 }],
      ['Bearer tok-b', { score: 6 }],
    ]);
  });
});
