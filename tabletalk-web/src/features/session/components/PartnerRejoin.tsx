import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { tapFailureMessage } from '@/lib/failure-copy';
import type { Participant } from '@/lib/messages';
import { loadParticipant } from '@/lib/participant-store';
import { answerSeatRequest } from '../api/rejoin-api';
import { JoinInvite } from './JoinInvite';

/** Asks the phone at the table whether the new phone asking for the partner's seat may have it. */
function SeatRequestPrompt({ sessionId }: { sessionId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function answer(letIn: boolean) {
    const token = loadParticipant(sessionId)?.token;
    if (!token) return;
    setBusy(true);
    setError(null);
    // The new state arrives over the live channel like any other change; this only reports a failure.
    answerSeatRequest(sessionId, token, letIn).then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false);
        setError(tapFailureMessage(failure, 'command'));
      },
    );
  }

  return (
    <section
      aria-labelledby="seat-request-title"
      className="flex flex-col gap-3 rounded-3xl border-2 border-accent bg-accent-soft p-4"
    >
      <h2 id="seat-request-title" className="text-xl font-semibold">
        Is your partner rejoining on a new phone?
      </h2>
      <p role="status">
        A new phone is asking for your partner’s seat, at this card. Let it in only if it is theirs: their old phone
        will then be signed out of this session.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => answer(true)} disabled={busy}>
          Let them in
        </Button>
        <Button variant="secondary" onClick={() => answer(false)} disabled={busy}>
          Not now
        </Button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}

/**
 * Dual mode, the partner's phone is away: the question when a new phone asks for its seat, otherwise the join
 * code again, folded away, for a partner whose phone forgot the session.
 */
export function PartnerRejoin({ sessionId, partner }: { sessionId: string; partner: Participant }) {
  if (partner.rejoining) return <SeatRequestPrompt sessionId={sessionId} />;
  return (
    <details className="rounded-3xl border-2 border-line p-4">
      <summary className="cursor-pointer text-base font-semibold">Partner lost their phone? Show the join code</summary>
      <div className="mt-3">
        <JoinInvite sessionId={sessionId} />
      </div>
    </details>
  );
}
