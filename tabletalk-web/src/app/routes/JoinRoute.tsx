import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { Loading } from '@/components/ui/Loading';
import { Screen } from '@/components/ui/Screen';
import { SessionProblemScreen } from '@/features/session/components/SessionProblemScreen';
import { useJoinSession } from '@/features/session/hooks/useJoinSession';

// Only a phone that finds a seat away needs it.
const TakeBackSeat = lazy(() => import('@/features/session/components/TakeBackSeat'));

export function JoinRoute() {
  const { sessionId = '' } = useParams();
  const view = useJoinSession(sessionId);

  if (view.phase === 'problem' && view.problem.kind === 'full' && view.problem.seatAway) {
    return (
      <Suspense fallback={<Loading />}>
        <TakeBackSeat sessionId={sessionId} tableToken={view.problem.tableToken} onSeatFree={view.retry} />
      </Suspense>
    );
  }
  if (view.phase === 'problem') return <SessionProblemScreen problem={view.problem} onRetry={view.retry} />;
  return (
    <Screen title="Joining your partner" hideTitle>
      <Loading label="Joining your partner’s session…" />
    </Screen>
  );
}
