import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { anOpenCard } from '@/test/fixtures';
import { QuestionCard } from './QuestionCard';

describe('QuestionCard', () => {
  it('shows the question alone: no category label and no difficulty word', () => {
    render(<QuestionCard card={anOpenCard({ difficulty: 'deep', category: 'Memories' })} revealed={false} />);
    const card = screen.getByRole('article', { name: 'What small thing made you smile this week?' });
    expect(card).toHaveTextContent(/^What small thing made you smile this week\?$/);
    expect(card).not.toHaveTextContent(/Memories|Deep/i);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('What small thing made you smile this week?');
  });

  it('explains the hint in one line when given one', () => {
    render(<QuestionCard card={anOpenCard()} revealed={false} onShowHint={vi.fn()} hintNote="It opens on both." />);
    expect(screen.getByRole('button', { name: 'Show hint' })).toHaveAccessibleDescription('It opens on both.');
  });

  it('unfolds a hint opened while the card is on screen, and shows one already open as it is', () => {
    const card = anOpenCard({ hint: 'What made that moment stick?' });
    const { rerender, unmount } = render(<QuestionCard card={card} revealed={false} onShowHint={vi.fn()} />);
    rerender(<QuestionCard card={card} revealed onShowHint={vi.fn()} />);
    const unfolding = screen.getByRole('complementary', { name: 'Hint' });
    expect(unfolding.className).toContain('motion-safe:animate-fold-down');
    expect(unfolding.parentElement?.parentElement?.className).toContain('motion-safe:animate-unfold');
    expect(unfolding.parentElement?.parentElement?.className).toContain('motion-reduce:animate-fade-in');
    unmount();

    render(<QuestionCard card={card} revealed onShowHint={vi.fn()} />);
    const open = screen.getByRole('complementary', { name: 'Hint' });
    expect(open.className).not.toContain('animate');
    expect(open.parentElement?.parentElement?.className).not.toContain('animate');
  });

  it('lies on the deck, ready to be swiped, when it is given a swipe', () => {
    render(
      <QuestionCard
        card={anOpenCard()}
        revealed={false}
        swipe={{ enabled: true, leaves: true, busy: false, onSwipe: vi.fn() }}
      />,
    );
    const wrapper = screen.getByRole('article').parentElement;
    expect(wrapper).toHaveClass('touch-pan-y');
    // The two card edges of the deck below, hidden from screen readers.
    expect(wrapper?.parentElement?.querySelectorAll(':scope > [aria-hidden="true"]')).toHaveLength(2);
  });

  it('offers the hint until it is revealed', async () => {
    const onShowHint = vi.fn();
    render(<QuestionCard card={anOpenCard()} revealed={false} onShowHint={onShowHint} />);
    await userEvent.click(screen.getByRole('button', { name: 'Show hint' }));
    expect(onShowHint).toHaveBeenCalledOnce();
    expect(screen.queryByRole('complementary', { name: 'Hint' })).not.toBeInTheDocument();
  });

  it('shows the hint once revealed, and no button any more', () => {
    render(<QuestionCard card={anOpenCard({ hint: 'What made that moment stick?' })} revealed onShowHint={vi.fn()} />);
    expect(screen.getByRole('complementary', { name: 'Hint' })).toHaveTextContent('What made that moment stick?');
    expect(screen.queryByRole('button', { name: 'Show hint' })).not.toBeInTheDocument();
  });

  it('disables the hint button while a command is on its way', () => {
    render(<QuestionCard card={anOpenCard()} revealed={false} onShowHint={vi.fn()} hintBusy />);
    expect(screen.getByRole('button', { name: 'Show hint' })).toBeDisabled();
  });
});
