import type { SessionState } from '@/lib/messages';
import type { LiveStatus } from '@/lib/socket-client';

/** Said on both phones while either cannot be heard from: this one lost its connection, or the partner's did. */
export const phonesApartCopy = 'Your phones can’t reach each other right now';

/** Dual mode: is the other phone here, and can this one reach it? */
export function PartnerPresence({
  state,
  me,
  connection,
}: {
  state: SessionState;
  me: string;
  connection: LiveStatus;
}) {
  const partner = state.participants.find((participant) => participant.id !== me);
  const apart = !!partner && (!partner.connected || connection === 'reconnecting');
  const [label, dot] = !partner
    ? ['Waiting for your partner to join', 'bg-line']
    : apart
      ? [phonesApartCopy, 'bg-accent']
      : ['Partner connected', 'bg-ok'];
  return (
    <p role="status" className={`flex items-center gap-2 text-base ${apart ? 'font-semibold' : 'text-muted'}`}>
      <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${dot}`} />
      {label}
    </p>
  );
}
