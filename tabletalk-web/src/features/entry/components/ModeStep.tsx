import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ButtonLink } from '@/components/ui/Button';
import { tapFailureMessage } from '@/lib/failure-copy';
import { paths } from '@/lib/links';
import type { ContextId, Mode } from '@/lib/messages';
import { saveParticipant } from '@/lib/participant-store';
import { Screen } from '@/components/ui/Screen';
import { createSession, type TableRef } from '../api/entry-api';
import { tableSteps } from '../table-steps';

const choices: { mode: Mode; title: string; description: string }[] = [
  { mode: 'single', title: 'One phone', description: 'Pass this phone between you.' },
  { mode: 'dual', title: 'Two phones', description: 'Each of you follows on your own phone, kept in step.' },
];

export function ModeStep({ table, context }: { table: TableRef; context: ContextId }) {
  const navigate = useNavigate();
  const [creating, setCreating] = useState<Mode | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(mode: Mode) {
    setCreating(mode);
    setError(null);
    try {
      const { session, participant } = await createSession({ ...table, context, mode });
      // A walk-in code is kept for "start again"; a restaurant's table gets its own from the session.
      saveParticipant(session.id, { ...participant, tableToken: 'tableToken' in table ? table.tableToken : undefined });
      // Replace: the back button should lead to the choices, not create another session.
      navigate(paths.session(session.id), { replace: true });
    } catch (cause) {
      setError(tapFailureMessage(cause, 'start'));
      setCreating(null);
    }
  }

  return (
    <Screen title="One phone or two?" eyebrow="Step 2 of 2">
      <div className="flex flex-col gap-3">
        {choices.map((choice) => (
          <button
            key={choice.mode}
            type="button"
            onClick={() => void start(choice.mode)}
            disabled={creating !== null}
            aria-describedby={`mode-${choice.mode}-description`}
            className="flex min-h-12 flex-col gap-1 rounded-2xl border-2 border-line bg-surface p-4 text-left hover:border-accent disabled:opacity-60"
          >
            <span className="text-xl font-semibold">{choice.title}</span>
            <span id={`mode-${choice.mode}-description`} className="text-muted">
              {choice.description}
            </span>
          </button>
        ))}
      </div>
      <p role="status" className="text-muted">
        {creating ? 'Shuffling your cards…' : ''}
      </p>
      {error ? (
        <p role="alert" className="rounded-2xl bg-accent-soft p-4">
          {error}
        </p>
      ) : null}
      <div className="mt-auto">
        <ButtonLink to={tableSteps(table).chooseContext} variant="quiet">
          Back
        </ButtonLink>
      </div>
    </Screen>
  );
}
