import { ButtonLink } from '@/components/ui/Button';
import { Screen } from '@/components/ui/Screen';
import type { SessionState } from '@/lib/messages';
import { cardsText, durationText, endingRecap } from '../ending-recap';

const whoEnded = {
  you: 'You ended the evening.',
  partner: 'Your partner ended the evening.',
  unknown: 'The evening has ended.',
} as const;

/** The same warm goodbye on every phone of the session, with who ended it, a short recap and a new deck. */
export function SessionEnding({
  state,
  me,
  endedHere,
}: {
  state: SessionState;
  me: string | null;
  endedHere: boolean;
}) {
  const recap = endingRecap(state, me, endedHere);

  return (
    <Screen title="Thank you for talking" eyebrow={recap.place}>
      <p className="text-xl">
        {whoEnded[recap.endedBy]} We hope it was a good conversation. Enjoy the rest of your evening.
      </p>
      <section aria-labelledby="ending-recap" className="rounded-3xl bg-surface-muted p-5">
        <h2 id="ending-recap" className="sr-only">
          Your evening
        </h2>
        <dl className="flex flex-wrap gap-x-8 gap-y-3">
          <div className="flex flex-col">
            <dt className="text-base text-muted">Talked through</dt>
            <dd className="text-2xl font-semibold" data-recap="cards">
              {cardsText(recap.cards)}
            </dd>
          </div>
          {recap.minutes === null ? null : (
            <div className="flex flex-col">
              <dt className="text-base text-muted">Time together</dt>
              <dd className="text-2xl font-semibold" data-recap="time">
                {durationText(recap.minutes)}
              </dd>
            </div>
          )}
        </dl>
      </section>
      <div className="mt-auto flex flex-col gap-3">
        <ButtonLink to={recap.againPath} block>
          Start another deck
        </ButtonLink>
      </div>
    </Screen>
  );
}

export default SessionEnding;
