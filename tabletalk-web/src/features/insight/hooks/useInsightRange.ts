import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DayRange } from '../api/insight-api';
import { rangeFromSearch, today } from '../range';

/**
 * The range the dashboard shows, kept in the address (`?from=…&to=…`) so a reload or a shared link shows the same
 * days; without one, the last 30 days up to today in `timeZone`.
 */
export function useInsightRange(timeZone?: string): {
  range: DayRange;
  todayDay: string;
  setRange: (range: DayRange) => void;
} {
  const [search, setSearch] = useSearchParams();
  const todayDay = today(timeZone);
  const from = search.get('from');
  const to = search.get('to');
  const range = useMemo(
    () => rangeFromSearch(new URLSearchParams({ from: from ?? '', to: to ?? '' }), todayDay),
    [from, to, todayDay],
  );
  const setRange = useCallback(
    (next: DayRange) =>
      setSearch((current) => {
        const updated = new URLSearchParams(current);
        updated.set('from', next.from);
        updated.set('to', next.to);
        return updated;
      }),
    [setSearch],
  );
  return { range, todayDay, setRange };
}
