import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { contexts, difficulties, type QuestionFilters, questionTypes } from '../api/question-api';

export const sortKeys = [
  'id',
  'context',
  'type',
  'difficulty',
  'category',
  'active',
  'text',
  'shown',
  'liked',
  'seconds',
] as const;
export type SortKey = (typeof sortKeys)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Filter and sort names as they appear in the page's address. */
export type FilterName = keyof QuestionFilters;

const pick = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  values.find((value) => value === raw);

/**
 * The list's filters and sort order, kept in the page's address so a reload, a bookmark or a shared link
 * shows the same list. Unknown values in the address are ignored.
 */
export function useQuestionFilters() {
  const [search, setSearch] = useSearchParams();

  const filters = useMemo<QuestionFilters>(() => {
    const active = search.get('active');
    const category = search.get('category')?.trim();
    const q = search.get('q')?.trim();
    return {
      ...(pick(contexts, search.get('context')) ? { context: pick(contexts, search.get('context')) } : {}),
      ...(pick(questionTypes, search.get('type')) ? { type: pick(questionTypes, search.get('type')) } : {}),
      ...(pick(difficulties, search.get('difficulty'))
        ? { difficulty: pick(difficulties, search.get('difficulty')) }
        : {}),
      ...(category ? { category } : {}),
      ...(active === 'true' || active === 'false' ? { active: active === 'true' } : {}),
      ...(q ? { q } : {}),
    };
  }, [search]);

  const sort = useMemo<Sort>(
    () => ({ key: pick(sortKeys, search.get('sort')) ?? 'id', descending: search.get('order') === 'desc' }),
    [search],
  );

  /** Sets one filter; an empty value removes it. Replaces the history entry so Back leaves the page. */
  const setFilter = useCallback(
    (name: FilterName, value: string) => {
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value === '') next.delete(name);
          else next.set(name, value);
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  /** Sorts by `key`; choosing the current column again reverses the order. */
  const sortBy = useCallback(
    (key: SortKey) => {
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          const descending = sort.key === key && !sort.descending;
          if (key === 'id') next.delete('sort');
          else next.set('sort', key);
          if (descending) next.set('order', 'desc');
          else next.delete('order');
          return next;
        },
        { replace: true },
      );
    },
    [setSearch, sort],
  );

  /** What the address holds for a filter, as typed (the text fields show it unchanged). */
  const raw = useCallback((name: FilterName) => search.get(name) ?? '', [search]);

  return { filters, sort, setFilter, sortBy, raw };
}
