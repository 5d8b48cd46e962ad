// The dashboard's range of days: presets, checks, and how it is written in the page's address.
import type { DayRange } from './api/insight-api';

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 24 * 60 * 60 * 1000;

/** A real calendar day written `YYYY-MM-DD` (no 2026-02-30). */
export function isDay(text: string): boolean {
  const match = dayPattern.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}

/** `day` moved by `days` (negative goes back); days are counted on the calendar, without time zones. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** How many days the range covers, both ends included. */
export function dayCount(range: DayRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / dayMs) + 1;
}

/** Today's date where the restaurant is (or on this device when the zone is unknown or not given). */
export function today(timeZone?: string, now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone || undefined,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
    const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
    const day = `${part('year')}-${part('month')}-${part('day')}`;
    if (isDay(day)) return day;
  } catch {
    // An unknown time zone: fall back to the device's own day below.
  }
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export const presets = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
] as const;

export const defaultPresetDays = 30;

/** The last `days` days, today included. */
export function lastDays(days: number, todayDay: string): DayRange {
  return { from: addDays(todayDay, -(days - 1)), to: todayDay };
}

/** The longest range the page asks for; the service answers a day at a time, so a few years is plenty. */
export const maxRangeDays = 3 * 366;

/** Why a range cannot be shown, or null when it can. */
export function rangeProblem(range: DayRange): string | null {
  if (!isDay(range.from) || !isDay(range.to)) return 'Choose both days.';
  if (range.from > range.to) return 'The first day must come before the last.';
  if (dayCount(range) > maxRangeDays) return 'Choose at most three years.';
  return null;
}

/** The range in the address (`?from=…&to=…`), or the default when it is missing or not a valid range. */
export function rangeFromSearch(search: URLSearchParams, todayDay: string): DayRange {
  const range = { from: search.get('from') ?? '', to: search.get('to') ?? '' };
  return rangeProblem(range) === null ? range : lastDays(defaultPresetDays, todayDay);
}
