import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CommandType, SessionState } from '@/lib/messages';
import { aChoiceCard, aDualSession, aParticipant, aSession } from '@/test/fixtures';
import { DeckView, partnerStatusLine } from './DeckView';

function renderDeck(state: SessionState, pending: CommandType | null = null) {
  const onCommand = vi.fn();
  const utils = render(<DeckView state={state} me="A" pending={pending} onCommand={onCommand} />);
  return { onCommand, ...utils };
}

describe('DeckView, one phone', () => {
  it('shows progress and the card, and asks for the next one', async () => {
    const { onCommand } = renderDeck(aSession({ position: 4, deckSize: 64 }));
    expect(screen.getByText('Card 5 of 64')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /smile this week/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next card' }));
    expect(onCommand).toHaveBeenCalledWith({ type: 'next' });
  });

  it('moves on with a swipe to the left', () => {
    const { onCommand } = renderDeck(aSession());
    const card = screen.getByRole('article');
    fireEvent.pointerDown(card, { clientX: 300, clientY: 200, pointerId: 1 });
    fireEvent.pointerUp(card, { clientX: 180, clientY: 210, pointerId: 1 });
    expect(onCommand).toHaveBeenCalledWith({ type: 'next' });
  });

  it('does not take a scroll or a short drag for a swipe', () => {
    const { onCommand } = renderDeck(aSession());
    const card = screen.getByRole('article');
    fireEvent.pointerDown(card, { clientX: 300, clientY: 200, pointerId: 1 });
    fireEvent.pointerUp(card, { clientX: 260, clientY: 200, pointerId: 1 });
    fireEvent.pointerDown(card, { clientX: 300, clientY: 100, pointerId: 2 });
    fireEvent.pointerUp(card, { clientX: 220, clientY: 400, pointerId: 2 });
    expect(onCommand).not.toHaveBeenCalled();
  });

  it('reveals the hint on request', async () => {
    const { onCommand } = renderDeck(aSession());
    await userEvent.click(screen.getByRole('button', { name: 'Show hint' }));
    expect(onCommand).toHaveBeenCalledWith({ type: 'reveal' });
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
  it('does not move on with a swipe (both phones decide together)', () => {
    const { onCommand } = renderDeck(aDualSession());
    const card = screen.getByRole('article');
    fireEvent.pointerDown(card, { clientX: 300, clientY: 200, pointerId: 1 });
    fireEvent.pointerUp(card, { clientX: 100, clientY: 200, pointerId: 1 });
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

  it('toggles ready and explains what it does', async () => {
    const { onCommand, rerender } = renderDeck(aDualSession());
    const ready = screen.getByRole('button', { name: 'I’m ready' });
    expect(ready).toHaveAttribute('aria-pressed', 'false');
    expect(ready).toHaveAccessibleDescription('The hint appears when you’re both ready.');
    await userEvent.click(ready);
    expect(onCommand).toHaveBeenCalledWith({ type: 'ready', ready: true });

    rerender(
      <DeckView
        state={aDualSession({ participants: [aParticipant('A', { ready: true }), aParticipant('B')] })}
        me="A"
        pending={null}
        onCommand={onCommand}
      />,
    );
    expect(screen.getByRole('button', { name: 'I’m ready' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('Waiting for your partner to be ready…')).toBeInTheDocument();
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

  it('tells that the partner has picked', () => {
    const state = aDualSession({
      card: aChoiceCard(),
      participants: [aParticipant('A'), aParticipant('B', { answered: true })],
    });
    expect(partnerStatusLine(state, 'A')).toBe('Your partner has picked.');
  });
});
