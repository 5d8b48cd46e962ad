import { ApiError } from '@/lib/api-client';
import { cardChangedCopy, tapFailureCopy, tapFailureMessage } from '@/lib/failure-copy';
import type { Command, CommandIntent, SessionState } from '@/lib/messages';
import { forgetParticipant } from '@/lib/participant-store';
import { sendCommand } from '../api/session-api';
import { problemFromError } from '../hooks/session-problem';
import { isOver, type LiveSessionStore } from './session-store';

/** How often a `next` that lost a race is sent again with the newer version before giving up. */
const nextRetries = 2;

function withVersion(intent: CommandIntent, version: number): Command {
  return { ...intent, version };
}

function sameCard(a: SessionState, b: SessionState): boolean {
  return a.position === b.position && a.card?.questionId === b.card?.questionId;
}

function conflictNotice(intent: CommandIntent, before: SessionState, latest: SessionState): string | null {
  if (isOver(latest)) return null;
  switch (intent.type) {
    case 'next':
      return null; // Either the card moved (what was wanted) or this phone already asked for it.
    case 'reveal':
      return latest.revealed ? null : tapFailureCopy.version_conflict;
    default:
      return sameCard(before, latest) ? tapFailureCopy.version_conflict : cardChangedCopy;
  }
}

/**
 * Sends a screen's commands over REST with the version on screen, and puts the answer (a newer state,
 * a note about a failed tap, or a problem that ends play on this phone) into `store`.
 */
export function createCommandSender(sessionId: string, store: LiveSessionStore): (intent: CommandIntent) => void {
  async function sendWithRetries(intent: CommandIntent, retriesLeft: number): Promise<void> {
    const { me, state: before } = store.get();
    if (!me || !before) return;
    try {
      store.show(await sendCommand(sessionId, me.token, withVersion(intent, before.version)));
    } catch (error) {
      if (!(error instanceof ApiError)) {
        store.update({ notice: tapFailureMessage(error, 'command') });
        return;
      }
      switch (error.code) {
        case 'version_conflict': {
          if (error.session) store.show(error.session);
          const latest = store.get().state ?? before;
          const mine = latest.participants.find((p) => p.id === me.id);
          // Both phones asked for the next card at once: the wish still stands, so ask again.
          if (
            intent.type === 'next' &&
            retriesLeft > 0 &&
            !isOver(latest) &&
            sameCard(before, latest) &&
            !mine?.wantsNext
          ) {
            return sendWithRetries(intent, retriesLeft - 1);
          }
          store.update({ notice: conflictNotice(intent, before, latest) });
          return;
        }
        case 'unauthorized':
          forgetParticipant(sessionId);
          store.update({ problem: problemFromError(error, store.tableToken, 0) });
          return;
        case 'session_ended':
        case 'session_expired':
        case 'not_found':
          store.update({ problem: problemFromError(error, store.tableToken, 0) });
          return;
        default:
          store.update({ notice: tapFailureMessage(error, 'command') });
      }
    }
  }

  return (intent) => {
    store.update({ pending: intent.type, notice: null, ...(intent.type === 'end' ? { endedHere: true } : {}) });
    void sendWithRetries(intent, nextRetries).finally(() => store.update({ pending: null }));
  };
}
