import { useEffect, useRef, useState } from 'react';
import type { ChoiceOption } from '@/lib/messages';
import { outcomeAnnouncement, pickOutcome, sharedPhoneStep } from '../choice-picks';
import { useHandOver } from '../hooks/useHandOver';
import { ChoiceOptions } from './ChoiceOptions';
import { PassThePhone } from './PassThePhone';
import { PicksResult } from './PicksResult';

export interface ChoiceCardProps {
  sessionId: string;
  position: number;
  options: ChoiceOption[];
  dual: boolean;
  me: string;
  /** This participant's pick is locked in (on one phone: the first person's). */
  answered: boolean;
  /** Everyone's picks once shown, by participant id; null before. */
  answers: Record<string, string> | null;
  busy: boolean;
  onAnswer: (optionId: string, seat?: 'first' | 'second') => void;
}

/**
 * The picking part of a "this or that" card. Two phones: each picks on its own phone and both picks show
 * together. One phone: the first diner picks, passes the phone, the second picks, then both show side by side.
 * Loaded on demand: the first screen does not carry it.
 */
export default function ChoiceCard({
  sessionId,
  position,
  options,
  dual,
  me,
  answered,
  answers,
  busy,
  onAnswer,
}: ChoiceCardProps) {
  // What was tapped on this card, until the server has the pick; keyed by card and step so it resets.
  const [tapped, setTapped] = useState<{ key: string; optionId: string } | null>(null);
  const { handedOver, handOver } = useHandOver(sessionId, position, answers !== null);
  const step = dual ? null : sharedPhoneStep(answers, answered, handedOver);
  const tapKey = `${position}-${step ?? 'dual'}`;
  const picked = tapped?.key === tapKey ? tapped.optionId : null;
  const outcome = pickOutcome(answers, me, options);

  // Focus follows the steps taken on this screen (not a reload landing on one).
  const previousStep = useRef(step);
  const stepChanged = previousStep.current !== step;
  useEffect(() => {
    previousStep.current = step;
  }, [step]);
  const secondHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (step === 'second' && stepChanged) secondHeading.current?.focus({ preventScroll: true });
  }, [step, stepChanged]);

  const choose = (optionId: string, seat?: 'first' | 'second') => {
    setTapped({ key: tapKey, optionId });
    onAnswer(optionId, seat);
  };

  return (
    <div className="flex flex-col gap-3">
      {step === 'pass' ? (
        <PassThePhone onHandedOver={handOver} focus={stepChanged} />
      ) : (
        <>
          {step === 'first' || step === 'second' ? (
            <div>
              <h3
                ref={step === 'second' ? secondHeading : undefined}
                tabIndex={-1}
                className="text-lg font-semibold focus:outline-none"
              >
                {step === 'first' ? 'Your pick' : 'Your partner’s pick'}
              </h3>
              <p className="text-base text-muted">
                {step === 'first'
                  ? 'Pick without showing your partner; then pass them the phone.'
                  : 'Your turn! The first pick stays hidden until you’ve picked too.'}
              </p>
            </div>
          ) : null}
          <ChoiceOptions
            options={options}
            picked={picked}
            answers={answers}
            me={me}
            locked={busy || answers !== null || (dual && answered)}
            onChoose={(optionId) =>
              choose(optionId, step === 'second' ? 'second' : step === 'first' ? 'first' : undefined)
            }
          />
        </>
      )}
      {outcome ? <PicksResult outcome={outcome} sideBySide={!dual} /> : null}
      <p aria-live="polite" className="sr-only">
        {outcomeAnnouncement(outcome)}
      </p>
    </div>
  );
}
