import type { SessionState } from '@/lib/messages';

/** Dual mode: is the other phone here? */
export function PartnerPresence({ state, me }: { state: SessionState; me: string }) {
  const partner = state.participants.find((participant) => participant.id !== me);
  const [label, dot] = !partner
    ? ['Waiting for your partner to join', 'bg-line']
    : partner.connected
      ? ['Partner connected', 'bg-ok']
      : ['Partner’s phone is away', 'bg-line'];
  return (
    <p className="flex items-center gap-2 text-base text-muted">
      <span aria-hidden="true" className={`size-2.5 rounded-full ${dot}`} />
      {label}
    </p>
  );
}
