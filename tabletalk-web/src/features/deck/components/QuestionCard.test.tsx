import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { anOpenCard } from '@/test/fixtures';
import { QuestionCard } from './QuestionCard';

describe('QuestionCard', () => {
  it('shows the question with its category and difficulty', () => {
    render(<QuestionCard card={anOpenCard({ difficulty: 'deep', category: 'Memories' })} revealed={false} />);
    const card = screen.getByRole('article', { name: 'What small thing made you smile this week?' });
    expect(card).toHaveTextContent('Memories');
    expect(card).toHaveTextContent('Deep');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('What small thing made you smile this week?');
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
