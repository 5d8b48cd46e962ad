import { useParams } from 'react-router';
import { ButtonLink } from '@/components/ui/Button';
import { Loading } from '@/components/ui/Loading';
import { RetryPanel } from '@/components/ui/RetryPanel';
import { Screen } from '@/components/ui/Screen';
import { useJoinCode } from '@/features/session/hooks/useJoinCode';
import { unreachableTitle } from '@/lib/failure-copy';
import { paths } from '@/lib/links';

/** `/j/{code}`: the short link a join code stands for, and where the home page's "Join your partner" leads. */
export default function JoinCodeRoute() {
  const { code = '' } = useParams();
  const view = useJoinCode(code);

  if (view.phase === 'looking') {
    return (
      <Screen title="Finding your partner’s session" hideTitle>
        <Loading label="Finding your partner’s session…" />
      </Screen>
    );
  }
  const { problem } = view;
  switch (problem.kind) {
    case 'unknown':
      return (
        <Screen title="We can’t find that code">
          <p>
            No session open right now has the code <span className="font-mono font-semibold">{problem.code}</span>.
            Check it on your partner’s phone: it is shown under their QR code. A session’s code stops working once the
            session ends.
          </p>
          <div className="mt-auto">
            <ButtonLink to={paths.home()} block>
              Type the code again
            </ButtonLink>
          </div>
        </Screen>
      );
    case 'too_many':
      return (
        <Screen title="Too many codes tried">
          <p>
            {problem.retryAfterSeconds
              ? `For safety, codes can only be tried a few times a minute. Please wait ${problem.retryAfterSeconds} seconds, or scan your partner’s QR code instead.`
              : 'For safety, codes can only be tried a few times a minute. Please wait a moment, or scan your partner’s QR code instead.'}
          </p>
          <div className="mt-auto">
            <ButtonLink to={paths.home()} block>
              Back to the start
            </ButtonLink>
          </div>
        </Screen>
      );
    case 'unreachable':
      return (
        <Screen title={unreachableTitle}>
          <RetryPanel failures={problem.failures} minDelaySeconds={problem.retryAfterSeconds} onRetry={view.retry} />
        </Screen>
      );
  }
}
