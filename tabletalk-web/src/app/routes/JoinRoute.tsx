import { useParams } from 'react-router';
import { Loading } from '@/components/ui/Loading';
import { Screen } from '@/components/ui/Screen';
import { SessionProblemScreen } from '@/features/session/components/SessionProblemScreen';
import { TakeBackSeat } from '@/features/session/components/TakeBackSeat';
import { useJoinSession } from '@/features/session/hooks/useJoinSession';

export function JoinRoute() {
  const { sessionId = '' } = useParams();
  const view = useJoinSession(sessionId);

  if (view.phase === 'problem' && view.problem.kind === 'full' && view.problem.seatAway) {
    return <TakeBackSeat sessionId={sessionId} tableToken={view.problem.tableToken} onSeatFree={view.retry} />;
  }
  if (view.phase === 'problem') return <SessionProblemScreen problem={view.problem} onRetry={view.retry} />;
  return (
    <Screen title="Joining your partner" hideTitle>
      <Loading label="Joining your partner’s session…" />
    </Screen>
  );
}
