import { ApiError } from '@/lib/api-client';
import { cardChangedCopy, tapFailureCopy, tapFailureMessage } from '@/lib/failure-copy';
import type { Command, CommandIntent, SessionState } from '@/lib/messages';
import { forgetParticipant } from '@/lib/participant-store';
import { sendCommand } from '../api/session-api';
import { problemFromError } from '../hooks/session-problem';
import { showEndingOrProblem } from './ending';
import { isOver, type LiveSessionStore } from './session-store';

/** How often a tap that lost a race is sent again with the newer version before giving up. */
const conflictRetries = 2;

function withVersion(intent: CommandIntent, version: number): Command {
  return { ...intent, version };
}

function sameCard(a: SessionState, b: SessionState): boolean {
  return a.position === b.position && a.card?.questionId === b.card?.questionId;
}

/** Whether `latest` still lacks what the tap asked for, so that sending it again means the same thing. */
function wishStillOpen(intent: CommandIntent, latest: SessionState, participantId: string): boolean {
  const mine = latest.participants.find((p) => p.id === participantId);
  switch (intent.type) {
    case 'next':
      return !mine?.wantsNext;
    case 'reveal':
      return !latest.revealed;
    case 'ready':
      return mine?.ready !== intent.ready;
    case 'answer':
      // The second pick on a shared phone is still wanted until both picks are shown.
      return intent.seat === 'second' ? Object.keys(latest.answers ?? {}).length === 0 : !mine?.answered;
    case 'end':
      return !isOver(latest);
  }
}

function conflictNotice(
  intent: CommandIntent,
  before: SessionState,
  latest: SessionState,
  participantId: string,
): string | null {
  if (isOver(latest) || !wishStillOpen(intent, latest, participantId)) return null;
  // A `next` that lost its race has still moved the card on, which is what was wanted.
  if (intent.type === 'next') return null;
  return sameCard(before, latest) ? tapFailureCopy.version_conflict : cardChangedCopy;
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
          // Something else changed the session on the same card (the partner joined, tapped or picked at
          // the same moment): the tap still means what it meant, so it is sent again rather than lost.
          if (retriesLeft > 0 && !isOver(latest) && sameCard(before, latest) && wishStillOpen(intent, latest, me.id)) {
            return sendWithRetries(intent, retriesLeft - 1);
          }
          store.update({ notice: conflictNotice(intent, before, latest, me.id) });
          return;
        }
        case 'unauthorized':
          forgetParticipant(sessionId);
          store.update({ problem: problemFromError(error, store.tableToken, 0) });
          return;
        case 'session_ended':
          // Ended by the partner a moment before this tap: show the ending as the partner's phone does.
          return showEndingOrProblem(sessionId, store, error, me, 0);
        case 'session_expired':
        case 'not_found':
          store.update({ problem: problemFromError(error, store.tableToken, 0) });
          return;
        case 'unreachable':
        case 'unavailable':
          // A one-phone session goes on from its kept deck and catches up later.
          if (store.local?.unreachable(intent)) return;
          store.noteOutOfReach(tapFailureMessage(error, 'command'));
          return;
        default:
          store.update({ notice: tapFailureMessage(error, 'command') });
      }
    }
  }

  return (intent) => {
    if (store.local?.tap(intent)) return;
    store.update({ pending: intent.type, notice: null, ...(intent.type === 'end' ? { endedHere: true } : {}) });
    void sendWithRetries(intent, conflictRetries).finally(() => store.update({ pending: null }));
  };
}
