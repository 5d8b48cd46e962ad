import type { ChoiceOption } from '@/lib/messages';

/**
 * Where a "this or that" card stands on one phone passed between two diners: the first picks, hands the phone
 * over, the second picks, then both picks are shown. The server keeps both picks; only the hand-over itself is
 * this phone's to remember.
 */
export type SharedPhoneStep = 'first' | 'pass' | 'second' | 'shown';

export function sharedPhoneStep(
  answers: Record<string, string> | null,
  firstPicked: boolean,
  handedOver: boolean,
): SharedPhoneStep {
  if (answers) return 'shown';
  if (!firstPicked) return 'first';
  return handedOver ? 'second' : 'pass';
}

export interface PickOutcome {
  /** This phone's pick (on one phone, the first person's). */
  mine: ChoiceOption;
  /** The partner's pick (on one phone, the second person's), or null when the partner did not pick. */
  partner: ChoiceOption | null;
  matched: boolean;
}

/** The shown picks as options, from the answers by participant id; null until this phone's pick is among them. */
export function pickOutcome(
  answers: Record<string, string> | null,
  me: string,
  options: ChoiceOption[],
): PickOutcome | null {
  if (!answers) return null;
  const option = (id: string | undefined) => options.find((candidate) => candidate.id === id) ?? null;
  const mine = option(answers[me]);
  if (!mine) return null;
  const partnerId = Object.keys(answers).find((participant) => participant !== me);
  const partner = option(partnerId === undefined ? undefined : answers[partnerId]);
  return { mine, partner, matched: partner?.id === mine.id };
}

/** What a screen reader hears once the picks are shown. */
export function outcomeAnnouncement(outcome: PickOutcome | null): string {
  if (!outcome?.partner) return '';
  return outcome.matched
    ? `You matched! You both picked ${outcome.mine.text}.`
    : `You picked ${outcome.mine.text}; your partner picked ${outcome.partner.text}.`;
}
