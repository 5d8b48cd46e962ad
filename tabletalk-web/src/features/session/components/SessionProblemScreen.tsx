import { ButtonLink } from '@/components/ui/Button';
import { RetryPanel } from '@/components/ui/RetryPanel';
import { Screen } from '@/components/ui/Screen';
import { unreachableTitle } from '@/lib/failure-copy';
import { paths } from '@/lib/links';
import type { SessionProblem } from '../hooks/session-problem';

function StartAgain({ tableToken, label = 'Start a new one' }: { tableToken?: string | undefined; label?: string }) {
  return (
    <div className="mt-auto flex flex-col gap-3">
      {tableToken ? (
        <ButtonLink to={paths.table(tableToken)} block>
          {label}
        </ButtonLink>
      ) : (
        <ButtonLink to={paths.home()} block>
          Scan your table’s code
        </ButtonLink>
      )}
    </div>
  );
}

export function SessionProblemScreen({ problem, onRetry }: { problem: SessionProblem; onRetry: () => void }) {
  switch (problem.kind) {
    case 'ended':
      return problem.endedHere ? (
        <Screen title="Thank you for talking">
          <p className="text-xl">We hope it was a good conversation. Enjoy the rest of your evening.</p>
          <StartAgain tableToken={problem.tableToken} />
        </Screen>
      ) : (
        <Screen title="This session has ended">
          <p>The cards for this one have been put away. You can start a fresh deck any time.</p>
          <StartAgain tableToken={problem.tableToken} />
        </Screen>
      );
    case 'expired':
      return (
        <Screen title="This session has expired">
          <p>It was quiet for a while, so we cleared the table. You can start a fresh deck any time.</p>
          <StartAgain tableToken={problem.tableToken} />
        </Screen>
      );
    case 'full':
      return problem.mode === 'single' ? (
        <Screen title="This session is played on one phone">
          <p>
            It can’t be followed from a second phone: pass the phone that started it around, or start your own at this
            table.
          </p>
          <StartAgain tableToken={problem.tableToken} label="Start your own" />
        </Screen>
      ) : (
        <Screen
          title={
            problem.mode === 'dual'
              ? 'This session already has two phones'
              : 'This session has no room for another phone'
          }
        >
          <p>
            {problem.mode === 'dual'
              ? 'Only two phones can join one session.'
              : 'Every phone it is played on has already joined.'}{' '}
            You can start your own at this table.
          </p>
          <StartAgain tableToken={problem.tableToken} label="Start your own" />
        </Screen>
      );
    case 'unauthorized':
      return (
        <Screen title="This phone has left the session">
          <p>We couldn’t rejoin you to this session. You can start a new one at your table.</p>
          <StartAgain tableToken={problem.tableToken} />
        </Screen>
      );
    case 'not_found':
      return (
        <Screen title="We can’t find this session">
          <p>The link may be incomplete, or the session was cleared away after it ended.</p>
          <StartAgain />
        </Screen>
      );
    case 'unreachable':
      return (
        <Screen title={unreachableTitle}>
          <RetryPanel failures={problem.failures} minDelaySeconds={problem.retryAfterSeconds} onRetry={onRetry} />
        </Screen>
      );
  }
}
