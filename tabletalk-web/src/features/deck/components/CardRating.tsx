import { useCardRating } from '../hooks/useCardRating';

const choices = [
  { value: 'up', emoji: '👍', name: 'I like this question' },
  { value: 'down', emoji: '👎', name: 'I don’t like this question' },
] as const;

/** A small 👍 / 👎 under the card, for this phone only; it never stands in the way of the next card. */
export function CardRating({
  sessionId,
  me,
  questionId,
}: {
  sessionId: string;
  me: string;
  questionId: number | string;
}) {
  const { rating, choose } = useCardRating(sessionId, me, questionId);
  return (
    <div role="group" aria-label="Like this question?" className="flex items-center justify-end gap-1 text-muted">
      <span aria-hidden="true" className="mr-1 text-sm">
        Like this question?
      </span>
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          aria-label={choice.name}
          aria-pressed={rating === choice.value}
          onClick={() => choose(choice.value)}
          className="flex size-11 items-center justify-center rounded-full border-2 border-transparent text-xl grayscale transition-[filter,border-color] hover:grayscale-0 aria-pressed:border-accent aria-pressed:bg-accent-soft aria-pressed:grayscale-0"
        >
          <span aria-hidden="true">{choice.emoji}</span>
        </button>
      ))}
    </div>
  );
}
