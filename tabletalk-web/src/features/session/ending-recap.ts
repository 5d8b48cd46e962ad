import type { SessionState } from '@/lib/messages';
import { paths } from '@/lib/links';
import { placeOf } from './place';

export type EndedBy = 'you' | 'partner' | 'unknown';

export interface EndingRecap {
  endedBy: EndedBy;
  /** Cards the pair saw: every card up to and including the one on screen at the end. */
  cards: number;
  /** From the start of the session to its end, in whole minutes; null when the end time is unknown. */
  minutes: number | null;
  /** Where "start another deck" leads: the same table's first step. */
  againPath: string;
  /** "Restaurant · Table 7" for a restaurant's registered table. */
  place: string | null;
}

/** What the ending screen says, from the ended state; `endedHere` stands in when the service did not say who. */
export function endingRecap(state: SessionState, me: string | null, endedHere: boolean): EndingRecap {
  const endedBy: EndedBy = state.endedBy ? (state.endedBy === me ? 'you' : 'partner') : endedHere ? 'you' : 'unknown';
  const started = Date.parse(state.createdAt);
  const ended = state.endedAt ? Date.parse(state.endedAt) : NaN;
  const minutes =
    Number.isFinite(started) && Number.isFinite(ended) ? Math.max(0, Math.round((ended - started) / 60_000)) : null;
  return {
    endedBy,
    cards: state.position + 1,
    minutes,
    againPath:
      state.restaurant && state.table
        ? paths.restaurantTable(state.restaurant.slug, state.table.label)
        : paths.table(state.tableToken),
    place: placeOf(state),
  };
}

export function cardsText(cards: number): string {
  return cards === 1 ? '1 card' : `${cards} cards`;
}

export function durationText(minutes: number): string {
  if (minutes < 1) return 'under a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const minutePart = rest === 1 ? '1 minute' : `${rest} minutes`;
  if (hours === 0) return minutePart;
  const hourPart = hours === 1 ? '1 hour' : `${hours} hours`;
  return rest === 0 ? hourPart : `${hourPart} ${minutePart}`;
}
