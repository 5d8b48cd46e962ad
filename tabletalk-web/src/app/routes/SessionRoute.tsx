import { lazy, Suspense } from 'react';
import { Navigate, useParams } from 'react-router';
import { Loading } from '@/components/ui/Loading';
import { Screen } from '@/components/ui/Screen';
import { DeckView } from '@/features/deck/components/DeckView';
import { SessionLayout } from '@/features/session/components/SessionLayout';
import { SessionProblemScreen } from '@/features/session/components/SessionProblemScreen';
import { useLiveSession } from '@/features/session/hooks/useLiveSession';
import { paths } from '@/lib/links';

// Only a finished session needs the goodbye screen: it loads then.
const SessionEnding = lazy(() => import('@/features/session/components/SessionEnding'));

export function SessionRoute() {
  const { sessionId = '' } = useParams();
  const view = useLiveSession(sessionId);

  switch (view.phase) {
    case 'needs_join':
      return <Navigate to={paths.join(sessionId)} replace />;
    case 'problem':
      return <SessionProblemScreen problem={view.problem} onRetry={view.retry} />;
    case 'ended':
      return (
        <Suspense
          fallback={
            <Screen title="Putting the cards away" hideTitle>
              <Loading label="Putting the cards away…" />
            </Screen>
          }
        >
          <SessionEnding state={view.state} me={view.me} endedHere={view.endedHere} />
        </Suspense>
      );
    case 'loading':
      return (
        <Screen title="Joining your session" hideTitle>
          <Loading label="Finding your cards…" />
        </Screen>
      );
    case 'playing':
      return (
        <SessionLayout view={view}>
          <DeckView state={view.state} me={view.me} pending={view.pending} onCommand={view.send} />
        </SessionLayout>
      );
  }
}
