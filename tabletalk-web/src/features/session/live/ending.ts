import { isApiError } from '@/lib/api-client';
import type { ParticipantCredentials } from '@/lib/messages';
import { getEnding } from '../api/session-api';
import { problemFromError } from '../hooks/session-problem';
import type { LiveSessionStore } from './session-store';

/**
 * The service answered with an error that ends play on this phone. When it says the session has ended and
 * this phone took part in it, the phone shows how the evening ended (who ended it, the cards, the time)
 * rather than a problem; otherwise, or when the ending cannot be read, it shows the problem.
 */
export async function showEndingOrProblem(
  sessionId: string,
  store: LiveSessionStore,
  error: unknown,
  participant: ParticipantCredentials | null,
  failures: number,
  signal?: AbortSignal,
): Promise<void> {
  if (participant && isApiError(error, 'session_ended')) {
    try {
      const ending = await getEnding(sessionId, participant.token, signal);
      if (signal?.aborted) return;
      store.update({ me: { id: participant.id, token: participant.token } });
      store.show(ending);
      return;
    } catch {
      if (signal?.aborted) return;
      // No ending to be had: the plain "has ended" screen below says enough.
    }
  }
  store.update({ problem: problemFromError(error, store.tableToken, failures) });
}
