import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ChoiceCard, { type ChoiceCardProps } from './ChoiceCard';

const options = [
  { id: 'a', text: 'Sunrise hike' },
  { id: 'b', text: 'Slow breakfast' },
];

function props(overrides: Partial<ChoiceCardProps> = {}): ChoiceCardProps {
  return {
    sessionId: 's1',
    position: 2,
    options,
    dual: false,
    me: 'A',
    answered: false,
    answers: null,
    busy: false,
    onAnswer: vi.fn(),
    ...overrides,
  };
}

/** An option's button, whatever badges it carries. */
const option = (text: string) => screen.getByRole('button', { name: new RegExp(`^${text}`) });

const announcement = () => document.querySelector('[aria-live="polite"]')?.textContent;

describe('ChoiceCard on one phone', () => {
  it('lets both pick in turn, passing the phone in between, then shows a match', async () => {
    const onAnswer = vi.fn();
    const { rerender } = render(<ChoiceCard {...props({ onAnswer })} />);
    expect(screen.getByRole('heading', { name: 'Your pick' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sunrise hike' }));
    expect(onAnswer).toHaveBeenCalledWith('a', 'first');

    // Locked in: the first pick leaves the screen before the phone changes hands.
    rerender(<ChoiceCard {...props({ onAnswer, answered: true })} />);
    const passHeading = screen.getByRole('heading', { name: 'Pass the phone to your partner' });
    expect(passHeading).toHaveFocus();
    expect(screen.queryByRole('list', { name: 'Options' })).not.toBeInTheDocument();
    expect(screen.queryByText('Sunrise hike')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'I’m the partner: my turn' }));
    expect(screen.getByRole('heading', { name: 'Your partner’s pick' })).toHaveFocus();
    const hike = screen.getByRole('button', { name: 'Sunrise hike' });
    expect(hike).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(hike);
    expect(onAnswer).toHaveBeenLastCalledWith('a', 'second');

    rerender(<ChoiceCard {...props({ onAnswer, answered: true, answers: { A: 'a', B: 'a' } })} />);
    expect(screen.getByText('You matched!')).toBeInTheDocument();
    expect(announcement()).toBe('You matched! You both picked Sunrise hike.');
    expect(option('Sunrise hike')).toHaveTextContent(/^Sunrise hikeYouPartner$/);
    expect(option('Sunrise hike')).toBeDisabled();
    expect(screen.queryByRole('heading', { name: /pick/ })).not.toBeInTheDocument();
  });

  it('shows different picks side by side with a friendly line', () => {
    render(<ChoiceCard {...props({ answered: true, answers: { A: 'a', B: 'b' } })} />);
    const terms = screen.getAllByRole('term').map((term) => term.textContent);
    const details = screen.getAllByRole('definition').map((detail) => detail.textContent);
    expect(terms).toEqual(['You', 'Partner']);
    expect(details).toEqual(['Sunrise hike', 'Slow breakfast']);
    expect(screen.getByText('Different picks — tell each other why!')).toBeInTheDocument();
    expect(screen.queryByText('You matched!')).not.toBeInTheDocument();
    expect(announcement()).toBe('You picked Sunrise hike; your partner picked Slow breakfast.');
  });

  it('comes back to the second pick after a reload once the phone was handed over', async () => {
    const first = render(<ChoiceCard {...props({ answered: true })} />);
    // A reload that lands on a step does not move focus.
    expect(screen.getByRole('heading', { name: 'Pass the phone to your partner' })).not.toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'I’m the partner: my turn' }));
    first.unmount();

    render(<ChoiceCard {...props({ answered: true })} />);
    expect(screen.getByRole('heading', { name: 'Your partner’s pick' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Slow breakfast' })).toBeEnabled();
  });

  it('asks for the hand-over again on another card', async () => {
    const first = render(<ChoiceCard {...props({ answered: true })} />);
    await userEvent.click(screen.getByRole('button', { name: 'I’m the partner: my turn' }));
    first.unmount();

    render(<ChoiceCard {...props({ answered: true, position: 3 })} />);
    expect(screen.getByRole('heading', { name: 'Pass the phone to your partner' })).toBeInTheDocument();
  });

  it('keeps the options usable again when a pick did not get through', async () => {
    const onAnswer = vi.fn();
    const { rerender } = render(<ChoiceCard {...props({ onAnswer })} />);
    await userEvent.click(screen.getByRole('button', { name: 'Slow breakfast' }));
    rerender(<ChoiceCard {...props({ onAnswer, busy: true })} />);
    expect(screen.getByRole('button', { name: 'Sunrise hike' })).toBeDisabled();
    rerender(<ChoiceCard {...props({ onAnswer })} />);
    expect(screen.getByRole('button', { name: 'Sunrise hike' })).toBeEnabled();
  });
});

describe('ChoiceCard on two phones', () => {
  it('locks its own pick in without a seat and marks both picks once shown', async () => {
    const onAnswer = vi.fn();
    const { rerender } = render(<ChoiceCard {...props({ dual: true, onAnswer })} />);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Slow breakfast' }));
    expect(onAnswer).toHaveBeenCalledWith('b', undefined);

    rerender(<ChoiceCard {...props({ dual: true, onAnswer, answered: true })} />);
    expect(screen.getByRole('button', { name: 'Slow breakfast' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Slow breakfast' })).toBeDisabled();

    rerender(<ChoiceCard {...props({ dual: true, onAnswer, answered: true, answers: { A: 'b', B: 'a' } })} />);
    expect(option('Slow breakfast')).toHaveTextContent(/^Slow breakfastYou$/);
    expect(option('Sunrise hike')).toHaveTextContent(/^Sunrise hikePartner$/);
    expect(screen.queryByRole('term')).not.toBeInTheDocument();
    expect(screen.getByText('Different picks — tell each other why!')).toBeInTheDocument();
  });

  it('has its "You matched" moment when both picked the same', () => {
    render(<ChoiceCard {...props({ dual: true, me: 'B', answered: true, answers: { A: 'a', B: 'a' } })} />);
    const moment = screen.getByText('You matched!');
    expect(moment.className).toContain('motion-safe:animate-match');
    expect(moment.className).toContain('motion-reduce:animate-fade-in');
    expect(announcement()).toBe('You matched! You both picked Sunrise hike.');
  });

  it('shows only its own pick when the partner was away', () => {
    render(<ChoiceCard {...props({ dual: true, answered: true, answers: { A: 'a' } })} />);
    expect(option('Sunrise hike')).toHaveTextContent(/^Sunrise hikeYou$/);
    expect(screen.queryByText(/matched|Different picks/)).not.toBeInTheDocument();
    expect(announcement()).toBe('');
  });
});
