import type { ReactNode } from 'react';
import { Screen } from '@/components/ui/Screen';
import { placeOf } from '../place';
import type { LiveSessionView } from '../hooks/useLiveSession';
import { EndSession } from './EndSession';
import { JoinInvite } from './JoinInvite';
import { PartnerRejoin } from './PartnerRejoin';
import { PartnerPresence } from './PartnerPresence';
import { ReconnectBanner } from './ReconnectBanner';

export type PlayingView = Extract<LiveSessionView, { phase: 'playing' }>;

/** One phone playing on from its kept deck without the network. */
export const offlineCopy = 'You’re offline — the cards go on; we’ll catch up when you’re back.';

const contextNames: Record<PlayingView['state']['context'], string> = {
  exploring: 'Exploring',
  established: 'Established',
  mature: 'Mature',
};

/** Everything around the card while playing: connection, partner, invite, notices, ending. */
export function SessionLayout({ view, children }: { view: PlayingView; children: ReactNode }) {
  const { state, me, connection, notice, pending, offline, send } = view;
  const dual = state.mode === 'dual';
  const place = placeOf(state);
  const waitingForPartner = dual && !state.participants.some((participant) => participant.id !== me);
  const awayPartner = dual ? state.participants.find((p) => p.id !== me && !p.connected) : undefined;

  return (
    <Screen
      title="Your question cards"
      hideTitle
      banner={<ReconnectBanner status={connection} message={offline ? offlineCopy : null} />}
    >
      <div className="-mt-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <p className="text-base font-semibold text-muted">
          {place ? <span className="block text-ink">{place}</span> : null}
          {contextNames[state.context]}
        </p>
        {dual ? <PartnerPresence state={state} me={me} connection={connection} /> : null}
      </div>
      {waitingForPartner ? <JoinInvite sessionId={state.id} /> : null}
      {awayPartner ? <PartnerRejoin sessionId={state.id} partner={awayPartner} /> : null}
      {children}
      <p role="status" className="min-h-6 text-center text-base text-muted">
        {notice ?? ''}
      </p>
      <div className="mt-auto flex flex-col">
        <EndSession onEnd={() => send({ type: 'end' })} busy={pending !== null} dual={dual} />
      </div>
    </Screen>
  );
}
