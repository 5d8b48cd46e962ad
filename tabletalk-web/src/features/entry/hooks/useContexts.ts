import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/lib/api-client';
import type { Context } from '@/lib/messages';
import { fetchContexts } from '../api/entry-api';

export type ContextsState =
  | { status: 'loading' }
  | { status: 'ready'; contexts: Context[] }
  | { status: 'failed'; error: ApiError; failures: number };

export function useContexts(): { state: ContextsState; retry: () => void } {
  const [state, setState] = useState<ContextsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const failures = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchContexts(controller.signal).then(
      (contexts) => {
        failures.current = 0;
        setState({ status: 'ready', contexts });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError ? error : new ApiError('unreachable', 'The server could not be reached.');
        failures.current += 1;
        setState({ status: 'failed', error: apiError, failures: failures.current });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
