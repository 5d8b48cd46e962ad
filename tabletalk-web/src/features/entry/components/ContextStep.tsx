import { Link } from 'react-router';
import { ButtonLink } from '@/components/ui/Button';
import { Loading } from '@/components/ui/Loading';
import { RetryPanel } from '@/components/ui/RetryPanel';
import { Screen } from '@/components/ui/Screen';
import { trackEvent } from '@/lib/events';
import { unreachableTitle } from '@/lib/failure-copy';
import type { TableRef } from '../api/entry-api';
import { useContexts } from '../hooks/useContexts';
import { useOfferedContexts } from '../hooks/useOfferedContexts';
import { useTableVisit } from '../hooks/useTableVisit';
import { tableSteps } from '../table-steps';

/** The kind of questions, chosen by the diners themselves instead of answering how long they have been together. */
export function ContextStep({ table }: { table: TableRef }) {
  useTableVisit(table);
  const { state, retry } = useContexts();
  const offered = useOfferedContexts(table);
  const steps = tableSteps(table);

  if (state.status === 'failed') {
    return (
      <Screen title={unreachableTitle}>
        <RetryPanel failures={state.failures} minDelaySeconds={state.error.retryAfterSeconds} onRetry={retry} />
      </Screen>
    );
  }

  return (
    <Screen title="Who’s at the table?" eyebrow="Step 1 of 2">
      <p className="text-muted">This picks the kind of questions you’ll get.</p>
      {state.status === 'loading' ? (
        <Loading label="Loading the question decks…" />
      ) : (
        <ul className="flex flex-col gap-3">
          {state.contexts
            .filter((context) => offered === undefined || offered.includes(context.id))
            .map((context) => (
              <li key={context.id}>
                <Link
                  to={steps.chooseMode(context.id)}
                  onClick={() => trackEvent({ type: 'context_chosen', context: context.id })}
                  className="flex min-h-12 flex-col gap-1 rounded-2xl border-2 border-line bg-surface p-4 hover:border-accent"
                >
                  <span className="text-xl font-semibold">{context.name}</span>
                  <span className="text-muted">{context.description}</span>
                  <span className="text-base text-muted">{context.questionCount} questions</span>
                </Link>
              </li>
            ))}
        </ul>
      )}
      <div className="mt-auto">
        <ButtonLink to={steps.chooseLength} variant="quiet">
          Back
        </ButtonLink>
      </div>
    </Screen>
  );
}
