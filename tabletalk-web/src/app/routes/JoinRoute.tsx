import { useParams } from 'react-router';
import { Loading } from '@/components/ui/Loading';
import { Screen } from '@/components/ui/Screen';
import { SessionProblemScreen } from '@/features/session/components/SessionProblemScreen';
import { useJoinSession } from '@/features/session/hooks/useJoinSession';

export function JoinRoute() {
  const { sessionId = '' } = useParams();
  const view = useJoinSession(sessionId);

  if (view.phase === 'problem') return <SessionProblemScreen problem={view.problem} onRetry={view.retry} />;
  return (
    <Screen title="Joining your partner" hideTitle>
      <Loading label="Joining your partner’s session…" />
    </Screen>
  );
}
