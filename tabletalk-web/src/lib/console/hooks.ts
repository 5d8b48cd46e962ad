// Loading and changing console data, with one rule for every screen: a 401 sends the person to
// sign in and then back to where they were.
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api-client';
import { consolePaths } from './paths';

/** Returns a handler that redirects to sign-in on a 401 and says whether it did. */
export function useSignInRedirect(): (error: unknown) => boolean {
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback(
    (error: unknown) => {
      if (!isApiError(error, 'unauthorized')) return false;
      navigate(consolePaths.signIn(location.pathname + location.search), { replace: true });
      return true;
    },
    [navigate, location.pathname, location.search],
  );
}

export type Resource<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: unknown };

/** Loads once per change of `deps`; `reload` asks again, keeping what is shown until the answer arrives. */
export function useConsoleResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): { state: Resource<T>; reload: () => void } {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const redirect = useSignInRedirect();
  const loadRef = useRef(load);
  loadRef.current = load;
  const redirectRef = useRef(redirect);
  redirectRef.current = redirect;

  // Something else to show (another restaurant): drop the old data at once. A reload keeps it.
  useEffect(() => setState({ status: 'loading' }), deps);

  useEffect(() => {
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted || redirectRef.current(error)) return;
        setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [attempt, ...deps]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}

/** Runs one change at a time, keeping whether it is under way and how the last one failed. */
export function useConsoleAction() {
  const redirect = useSignInRedirect();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> => {
      setPending(true);
      setError(null);
      try {
        return { ok: true, value: await action() };
      } catch (cause) {
        if (!redirect(cause)) setError(cause);
        return { ok: false, error: cause };
      } finally {
        setPending(false);
      }
    },
    [redirect],
  );

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
