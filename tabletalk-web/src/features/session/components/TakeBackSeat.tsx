import { Button, ButtonLink } from '@/components/ui/Button';
import { Loading } from '@/components/ui/Loading';
import { Screen } from '@/components/ui/Screen';
import { paths } from '@/lib/links';
import { useTakeBackSeat } from '../hooks/useTakeBackSeat';
import { SessionProblemScreen } from './SessionProblemScreen';

function StartOwn({ tableToken }: { tableToken: string | undefined }) {
  return tableToken ? (
    <ButtonLink to={paths.table(tableToken)} variant="quiet">
      Start your own session instead
    </ButtonLink>
  ) : null;
}

/** When the time a new phone is let in anyway falls, as a diner reads it ("in about 2 minutes"). */
function inAbout(grantsAt: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((Date.parse(grantsAt) - now) / 1000));
  if (Number.isNaN(seconds) || seconds <= 60) return 'within a minute';
  return `in about ${Math.round(seconds / 60)} minutes`;
}

/**
 * `/s/{id}/join` when both seats are taken but one phone is away: this phone may take that seat back (its
 * storage was lost, or it is another browser), once the phone at the table lets it in or nobody answers.
 */
export function TakeBackSeat({
  sessionId,
  tableToken,
  onSeatFree,
}: {
  sessionId: string;
  tableToken: string | undefined;
  onSeatFree: () => void;
}) {
  const { view, ask } = useTakeBackSeat(sessionId, tableToken, onSeatFree);

  switch (view.phase) {
    case 'offer':
      return (
        <Screen title="Take back your seat?">
          <p>
            Two phones have joined this session, and one of them is away just now. If that was your phone, and this
            browser has forgotten it (a private tab that was closed, another browser or app), you can carry on here at
            the same card.
          </p>
          <p className="text-muted">Your partner’s phone will ask them to let you in.</p>
          <div className="mt-auto flex flex-col gap-3">
            <Button onClick={ask} disabled={view.busy} block>
              Take back the seat
            </Button>
            <StartOwn tableToken={tableToken} />
          </div>
        </Screen>
      );
    case 'waiting':
      return (
        <Screen title="Waiting to be let in">
          <p>
            Your partner’s phone is asking them to let you in. Ask them to tap <strong>Let them in</strong>.
          </p>
          <p className="text-muted">If nobody answers, you’ll be let in {inAbout(view.grantsAt)}.</p>
          <Loading label="Waiting for your partner…" />
        </Screen>
      );
    case 'declined':
      return (
        <Screen title="You weren’t let in">
          <p>
            Your partner’s phone said not now, or the seat’s own phone came back. If you’re sure it’s your seat, ask
            your partner and try again.
          </p>
          <div className="mt-auto flex flex-col gap-3">
            <Button onClick={ask} disabled={view.busy} block>
              Ask again
            </Button>
            <StartOwn tableToken={tableToken} />
          </div>
        </Screen>
      );
    case 'full':
      return <SessionProblemScreen problem={{ kind: 'full', tableToken, mode: 'dual' }} onRetry={onSeatFree} />;
    case 'problem':
      return <SessionProblemScreen problem={view.problem} onRetry={ask} />;
  }
}
