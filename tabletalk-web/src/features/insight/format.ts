// How the dashboard writes its numbers and names the steps and answers it counts.
const whole = new Intl.NumberFormat('en');
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export const formatCount = (value: number) => whole.format(value);

/** A median or other figure that may have a fraction; "—" when there is nothing to measure. */
export const formatFigure = (value: number | undefined) => (value === undefined ? '—' : oneDecimal.format(value));

/** A share between 0 and 1 as a whole percentage; "—" when there is nothing to divide. */
export function formatShare(share: number | undefined): string {
  if (share === undefined || !Number.isFinite(share)) return '—';
  return `${Math.round(share * 100)}%`;
}

/** part / whole, or undefined when whole is 0. */
export const shareOf = (part: number, total: number) => (total > 0 ? part / total : undefined);

const funnelLabels: Record<string, string> = {
  scan: 'Scanned a table’s code',
  welcome_viewed: 'Saw the welcome',
  questions_chosen: 'Said how long they’ve known each other',
  mode_chosen: 'Chose one phone or two',
  first_card: 'Saw the first card',
  fifth_card: 'Reached card 5',
  tenth_card: 'Reached card 10',
  ended_by_guest: 'Ended the evening themselves',
};

/** Steps before a session count visits (phones); from the first card on they count sessions. */
const sessionSteps = new Set(['first_card', 'fifth_card', 'tenth_card', 'ended_by_guest']);

export const funnelLabel = (step: string) => funnelLabels[step] ?? step;
export const funnelUnit = (step: string) => (sessionSteps.has(step) ? 'sessions' : 'visits');

const lengthLabels: Record<string, string> = {
  under_6_months: 'Under 6 months',
  '6_months_to_2_years': '6 months to 2 years',
  '2_to_10_years': '2 to 10 years',
  over_10_years: 'Over 10 years',
  friends_or_family: 'Friends or family',
};

export const relationshipLengthLabel = (length: string) => lengthLabels[length] ?? length;

const contextLabels: Record<string, string> = {
  exploring: 'Exploring',
  established: 'Established',
  mature: 'Mature',
};

export const contextLabel = (context: string) => contextLabels[context] ?? context;

export const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const dayFormat = new Intl.DateTimeFormat('en', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** "Fri, 20 Nov" for a `YYYY-MM-DD` day (the day as written, whatever the device's zone). */
export function formatDay(day: string, long = false): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time)) return day;
  return (long ? longDayFormat : dayFormat).format(time);
}
