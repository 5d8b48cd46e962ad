import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CommandType, SessionState } from '@/lib/messages';
import { aChoiceCard, aDualSession, aParticipant, aSession } from '@/test/fixtures';
import { DeckView, partnerStatusLine, sharedHintNote } from './DeckView';

function renderDeck(state: SessionState, pending: CommandType | null = null) {
  const onCommand = vi.fn();
  const utils = render(<DeckView state={state} me="A" pending={pending} onCommand={onCommand} />);
  return { onCommand, ...utils };
}

/** The element that moves with the finger: the card's wrapper on the deck. */
function swipeTarget(): HTMLElement {
  const card = screen.getByRole('article').parentElement;
  if (!card) throw new Error('the card has no wrapper');
  return card;
}

/** A primary pointer going down at `from`, through the points of `path`, and up at the last one. */
function drag(from: [number, number], ...path: [number, number][]) {
  const target = swipeTarget();
  const at = ([clientX, clientY]: [number, number]) => ({ clientX, clientY, pointerId: 1, isPrimary: true });
  fireEvent.pointerDown(target, at(from));
  for (const point of path) fireEvent.pointerMove(target, at(point));
  fireEvent.pointerUp(target, at(path.at(-1) ?? from));
}

describe('DeckView, one phone', () => {
  it('shows progress and the card, and asks for the next one', async () => {
    const { onCommand } = renderDeck(aSession({ position: 4, deckSize: 64 }));
    expect(screen.getByText('Card 5')).toBeInTheDocument();
    expect(screen.queryByText(/of 64/)).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: /smile this week/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next card' }));
    expect(onCommand).toHaveBeenCalledWith({ type: 'next' });
  });

  it('follows the finger, then throws the card off and moves on after a swipe either way', async () => {
    const { onCommand } = renderDeck(aSession());
    const target = swipeTarget();
    fireEvent.pointerDown(target, { clientX: 300, clientY: 200, pointerId: 1, isPrimary: true });
    fireEvent.pointerMove(target, { clientX: 250, clientY: 205, pointerId: 1, isPrimary: true });
    expect(target.style.transform).toMatch(/^translateX\(-50px\) rotate\(-?[\d.]+deg\)$/);
    fireEvent.pointerMove(target, { clientX: 150, clientY: 210, pointerId: 1, isPrimary: true });
    fireEvent.pointerUp(target, { clientX: 150, clientY: 210, pointerId: 1, isPrimary: true });
    expect(target.style.opacity).toBe('0');
    expect(target.style.transform).toMatch(/^translateX\(-\d+px\)/);
    // Sent once the card is off the table, so the next one does not cut its way out short.
    expect(onCommand).not.toHaveBeenCalled();
    await waitFor(() => expect(onCommand).toHaveBeenCalledWith({ type: 'next' }));
    expect(onCommand).toHaveBeenCalledOnce();
  });

  it('moves on with a swipe to the right as well', async () => {
    const { onCommand } = renderDeck(aSession());
    drag([60, 200], [120, 200], [200, 200]);
    await waitFor(() => expect(onCommand).toHaveBeenCalledWith({ type: 'next' }));
  });

  it('springs back when let go early, and leaves a scroll or a tap alone', async () => {
    const { onCommand } = renderDeck(aSession());
    // Short enough not to count as a flick however fast the events come (the e2e test times a slow drag).
    drag([300, 200], [288, 200], [276, 200]);
    expect(swipeTarget().style.transform).toBe('');
    expect(swipeTarget().style.transition).toMatch(/transform/);
    drag([300, 100], [290, 130], [220, 400]);
    drag([300, 100]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(onCommand).not.toHaveBeenCalled();
  });

  it('with reduced motion, fades instead of moving', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce'), media: query }));
    const { onCommand } = renderDeck(aSession());
    const target = swipeTarget();
    fireEvent.pointerDown(target, { clientX: 300, clientY: 200, pointerId: 1, isPrimary: true });
    fireEvent.pointerMove(target, { clientX: 245, clientY: 200, pointerId: 1, isPrimary: true });
    expect(target.style.transform).toBe('');
    expect(Number(target.style.opacity)).toBeLessThan(1);
    fireEvent.pointerUp(target, { clientX: 150, clientY: 200, pointerId: 1, isPrimary: true });
    expect(target.style.transform).toBe('');
    expect(target.style.opacity).toBe('0');
    await waitFor(() => expect(onCommand).toHaveBeenCalledWith({ type: 'next' }));
  });

  it('brings a thrown card back when the next card does not come', async () => {
    const state = aSession();
    const onCommand = vi.fn();
    const { rerender } = render(<DeckView state={state} me="A" pending={null} onCommand={onCommand} />);
    drag([300, 200], [200, 200], [100, 200]);
    await waitFor(() => expect(onCommand).toHaveBeenCalled());
    rerender(<DeckView state={state} me="A" pending="next" onCommand={onCommand} />);
    expect(swipeTarget().style.opacity).toBe('0');
    rerender(<DeckView state={state} me="A" pending={null} onCommand={onCommand} />);
    expect(swipeTarget().style.opacity).toBe('');
    expect(swipeTarget().style.transform).toBe('');
  });

  it('does not swipe while a command is on its way', async () => {
    const { onCommand } = renderDeck(aSession(), 'reveal');
    drag([300, 200], [200, 200], [100, 200]);
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(onCommand).not.toHaveBeenCalled();
  });

  it('reveals the hint on request, with no note about a partner', async () => {
    const { onCommand } = renderDeck(aSession());
    await userEvent.click(screen.getByRole('button', { name: 'Show hint' }));
    expect(onCommand).toHaveBeenCalledWith({ type: 'reveal' });
    expect(screen.queryByText(sharedHintNote)).not.toBeInTheDocument();
  });

  it('disables the buttons while a command is on its way', () => {
    renderDeck(aSession(), 'next');
    expect(screen.getByRole('button', { name: 'Next card' })).toBeDisabled();
  });

  it('has the first diner pick, then asks to pass the phone for the second pick', async () => {
    const state = aSession({ card: aChoiceCard() });
    const { onCommand, rerender } = renderDeck(state);
    await userEvent.click(await screen.findByRole('button', { name: 'Slow breakfast' }));
    expect(onCommand).toHaveBeenCalledWith({ type: 'answer', optionId: 'b', seat: 'first' });

    const show = (next: SessionState) =>
      rerender(<DeckView state={next} me="A" pending={null} onCommand={onCommand} />);
    show({ ...state, version: 4, participants: [aParticipant('A', { answered: true })] });
    await userEvent.click(screen.getByRole('button', { name: 'I’m the partner: my turn' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sunrise hike' }));
    expect(onCommand).toHaveBeenLastCalledWith({ type: 'answer', optionId: 'a', seat: 'second' });

    show({ ...state, version: 5, participants: [aParticipant('A', { answered: true })], answers: { A: 'b', B: 'a' } });
    expect(screen.getByRole('button', { name: /Slow breakfast/ })).toHaveTextContent('You');
    expect(screen.getByRole('button', { name: /Sunrise hike/ })).toHaveTextContent('Partner');
    expect(screen.getByRole('button', { name: 'Next card' })).toBeEnabled();
  });
});

describe('DeckView, two phones', () => {
  it('asks for the next card with a swipe, at once, and the card springs back to wait for the partner', () => {
    const { onCommand } = renderDeck(aDualSession());
    drag([300, 200], [200, 200], [100, 200]);
    expect(onCommand).toHaveBeenCalledWith({ type: 'next' });
    expect(swipeTarget().style.opacity).toBe('');
    expect(swipeTarget().style.transform).toBe('');
  });

  it('throws the card off with a swipe when the partner asked for the next one already', () => {
    const { onCommand } = renderDeck(
      aDualSession({ participants: [aParticipant('A'), aParticipant('B', { wantsNext: true })] }),
    );
    drag([300, 200], [200, 200], [100, 200]);
    expect(onCommand).toHaveBeenCalledWith({ type: 'next' });
    expect(swipeTarget().style.opacity).toBe('0');
  });

  it('does not swipe again once it asked for the next card', () => {
    const { onCommand } = renderDeck(
      aDualSession({ participants: [aParticipant('A', { wantsNext: true }), aParticipant('B')] }),
    );
    drag([300, 200], [200, 200], [100, 200]);
    expect(onCommand).not.toHaveBeenCalled();
  });

  it('says when the partner wants the next card', () => {
    renderDeck(aDualSession({ participants: [aParticipant('A'), aParticipant('B', { wantsNext: true })] }));
    expect(screen.getByText('Your partner wants the next card.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next card' })).toBeEnabled();
  });

  it('waits for the partner after asking for the next card', () => {
    renderDeck(aDualSession({ participants: [aParticipant('A', { wantsNext: true }), aParticipant('B')] }));
    expect(screen.getByText('Waiting for your partner…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Asked for the next card' })).toBeDisabled();
  });

  it('has one hint rule: either of them shows it, for both, said in one line', async () => {
    const { onCommand } = renderDeck(aDualSession());
    const showHint = screen.getByRole('button', { name: 'Show hint' });
    expect(showHint).toHaveAccessibleDescription('Either of you can show the hint; it opens on both phones.');
    expect(screen.queryByRole('button', { name: /ready/i })).not.toBeInTheDocument();
    expect(screen.queryByText(/both ready/)).not.toBeInTheDocument();
    await userEvent.click(showHint);
    expect(onCommand).toHaveBeenCalledWith({ type: 'reveal' });
  });

  it('locks a pick in, then shows both picks together', async () => {
    const state = aDualSession({ card: aChoiceCard() });
    const { onCommand, rerender } = renderDeck(state);
    await userEvent.click(await screen.findByRole('button', { name: 'Sunrise hike' }));
    expect(onCommand).toHaveBeenCalledWith({ type: 'answer', optionId: 'a' });

    const show = (next: SessionState) =>
      rerender(<DeckView state={next} me="A" pending={null} onCommand={onCommand} />);
    show({ ...state, version: 4, participants: [aParticipant('A', { answered: true }), aParticipant('B')] });
    expect(screen.getByText('Locked in. Waiting for your partner’s pick…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sunrise hike' })).toBeDisabled();
    expect(screen.queryByText('Partner')).not.toBeInTheDocument();

    show({
      ...state,
      version: 5,
      participants: [aParticipant('A', { answered: true }), aParticipant('B', { answered: true })],
      answers: { A: 'a', B: 'b' },
    });
    expect(screen.getByRole('button', { name: /Sunrise hike/ })).toHaveTextContent('You');
    expect(screen.getByRole('button', { name: /Slow breakfast/ })).toHaveTextContent('Partner');
  });
});

describe('partnerStatusLine', () => {
  it('says nothing in one-phone mode', () => {
    expect(partnerStatusLine(aSession(), 'A')).toBeNull();
  });

  it('invites to start while the partner joins', () => {
    expect(partnerStatusLine(aDualSession({ status: 'waiting', participants: [aParticipant('A')] }), 'A')).toBe(
      'You can start while your partner joins.',
    );
  });

  it('says the partner is away, so one can carry on', () => {
    const state = aDualSession({ participants: [aParticipant('A'), aParticipant('B', { connected: false })] });
    expect(partnerStatusLine(state, 'A')).toBe('Your partner’s phone is away; you can carry on.');
  });

  it('says nothing about being ready: the hint does not wait for anyone', () => {
    const state = aDualSession({ participants: [aParticipant('A'), aParticipant('B', { ready: true })] });
    expect(partnerStatusLine(state, 'A')).toBeNull();
    const mine = aDualSession({ participants: [aParticipant('A', { ready: true }), aParticipant('B')] });
    expect(partnerStatusLine(mine, 'A')).toBeNull();
  });

  it('tells that the partner has picked', () => {
    const state = aDualSession({
      card: aChoiceCard(),
      participants: [aParticipant('A'), aParticipant('B', { answered: true })],
    });
    expect(partnerStatusLine(state, 'A')).toBe('Your partner has picked.');
  });
});
