import { lazy, Suspense, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import type { CommandIntent, CommandType, SessionState } from '@/lib/messages';
import { useRecommendPrompt } from '../hooks/useRecommendPrompt';
import { CardRating } from './CardRating';
import { Progress } from './Progress';
import { QuestionCard } from './QuestionCard';
import { RecommendCard } from './RecommendCard';

// The picking part of "this or that" cards loads on demand (fetched as the deck opens, before it is needed).
const loadChoiceCard = () => import('./ChoiceCard');
const ChoiceCard = lazy(loadChoiceCard);

export interface DeckViewProps {
  state: SessionState;
  me: string;
  pending: CommandType | null;
  onCommand: (intent: CommandIntent) => void;
}

/** Dual mode: one line on what the two phones are waiting for, or null when there is nothing to say. */
export function partnerStatusLine(state: SessionState, me: string): string | null {
  if (state.mode !== 'dual') return null;
  const mine = state.participants.find((participant) => participant.id === me);
  const partner = state.participants.find((participant) => participant.id !== me);
  if (!mine) return null;
  if (!partner) return 'You can start while your partner joins.';
  if (!partner.connected) return mine.wantsNext ? null : 'Your partner’s phone is away; you can carry on.';
  if (mine.wantsNext && !partner.wantsNext) return 'Waiting for your partner…';
  if (partner.wantsNext && !mine.wantsNext) return 'Your partner wants the next card.';
  if (state.card?.type === 'choice' && !hasAnswers(state)) {
    if (mine.answered && !partner.answered) return 'Locked in. Waiting for your partner’s pick…';
    if (partner.answered && !mine.answered) return 'Your partner has picked.';
  }
  return null;
}

/** Two phones share one hint: whoever taps "Show hint" opens it on both. */
export const sharedHintNote = 'Either of you can show the hint; it opens on both phones.';

/** Whether asking for the next card moves it at once (one phone, or the partner asked already or is away). */
function nextMovesNow(state: SessionState, me: string): boolean {
  if (state.mode !== 'dual') return true;
  const partner = state.participants.find((participant) => participant.id !== me);
  return !partner || !partner.connected || partner.wantsNext;
}

function hasAnswers(state: SessionState): boolean {
  return !!state.answers && Object.keys(state.answers).length > 0;
}

/** The card on the table and what can be done with it. */
export function DeckView({ state, me, pending, onCommand }: DeckViewProps) {
  const card = state.card;
  const dual = state.mode === 'dual';
  const mine = state.participants.find((participant) => participant.id === me);
  const recommend = useRecommendPrompt(state, me);
  const sectionRef = useRef<HTMLElement>(null);
  const backFromRecommend = useRef(false);

  useEffect(() => {
    void loadChoiceCard();
  }, []);

  // After the recommend card, focus (and a screen reader) goes to the question that takes its place.
  useEffect(() => {
    if (recommend.show || !backFromRecommend.current) return;
    backFromRecommend.current = false;
    sectionRef.current?.querySelector<HTMLElement>('#question-text')?.focus({ preventScroll: true });
  }, [recommend.show]);

  if (!card) return null;
  // Asked on this phone only, before the next question; the deck itself carries on for the other phone.
  if (recommend.show) {
    return (
      <RecommendCard
        onAnswer={(answer) => {
          backFromRecommend.current = true;
          recommend.answer(answer);
        }}
      />
    );
  }
  const busy = pending !== null;
  const answers = hasAnswers(state) ? (state.answers ?? null) : null;
  const waitingForNext = dual && !!mine?.wantsNext;
  const statusLine = partnerStatusLine(state, me);

  return (
    <section ref={sectionRef} aria-label="Current card" className="flex flex-col gap-5">
      <Progress position={state.position} />
      <p aria-live="polite" className="sr-only">
        {`Card ${state.position + 1}: ${card.text}`}
      </p>
      <QuestionCard
        key={`${state.position}-${card.questionId}`}
        card={card}
        revealed={state.revealed}
        onShowHint={() => onCommand({ type: 'reveal' })}
        hintBusy={busy}
        hintNote={dual ? sharedHintNote : undefined}
        // A swipe is the Next card button by hand: on two phones it asks for the next card too.
        swipe={{
          enabled: !busy && !waitingForNext,
          leaves: nextMovesNow(state, me),
          sendFirst: dual,
          busy,
          onSwipe: () => {
            if (pending === null) onCommand({ type: 'next' });
          },
        }}
      >
        {card.type === 'choice' && card.options ? (
          <Suspense fallback={<p className="text-base text-muted">Loading the options…</p>}>
            <ChoiceCard
              sessionId={state.id}
              position={state.position}
              options={card.options}
              dual={dual}
              me={me}
              answered={!!mine?.answered}
              answers={answers}
              busy={busy}
              onAnswer={(optionId, seat) =>
                onCommand(seat ? { type: 'answer', optionId, seat } : { type: 'answer', optionId })
              }
            />
          </Suspense>
        ) : null}
      </QuestionCard>
      <CardRating
        key={`rating-${state.position}-${card.questionId}`}
        sessionId={state.id}
        me={me}
        questionId={card.questionId}
      />

      {statusLine ? <p className="text-center text-base font-semibold">{statusLine}</p> : null}

      {/* Pinned to the bottom of the screen while the card scrolls above it, so the main action
          stays in reach on a small phone, with a hint or options shown, or at large text sizes. */}
      <div className="sticky bottom-0 z-10 -mx-[min(1.25rem,5vw)] bg-bg px-[min(1.25rem,5vw)] pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))]">
        <Button onClick={() => onCommand({ type: 'next' })} disabled={busy || waitingForNext} block>
          {waitingForNext ? 'Asked for the next card' : 'Next card'}
        </Button>
      </div>
      {!dual ? <p className="text-center text-base text-muted">Pass the phone along, or swipe the card away.</p> : null}
    </section>
  );
}
