import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import { fetchRegisteredTable, type RegisteredTable } from '../api/entry-api';

export type RegisteredTableState =
  | { status: 'loading' }
  | { status: 'ready'; table: RegisteredTable }
  /** Unknown restaurant or table (404), or one that is switched off (410). */
  | { status: 'unknown'; inactive: boolean }
  | { status: 'failed'; error: ApiError; failures: number };

export function useRegisteredTable(slug: string, label: string) {
  const [state, setState] = useState<RegisteredTableState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const failures = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchRegisteredTable(slug, label, controller.signal).then(
      (table) => {
        failures.current = 0;
        setState({ status: 'ready', table });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError('unreachable', 'The server could not be reached.');
        if (apiError.code === 'not_found' || apiError.status === 410) {
          setState({ status: 'unknown', inactive: apiError.status === 410 });
          return;
        }
        failures.current += 1;
        setState({ status: 'failed', error: apiError, failures: failures.current });
      },
    );
    return () => controller.abort();
  }, [slug, label, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
