import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ButtonLink } from '@/components/ui/Button';
import { sendWaitingEvents, trackEvent } from '@/lib/events';
import { tapFailureMessage } from '@/lib/failure-copy';
import { paths } from '@/lib/links';
import type { Mode } from '@/lib/messages';
import { saveParticipant } from '@/lib/participant-store';
import { currentVisit, markStarted } from '@/lib/visit';
import { Screen } from '@/components/ui/Screen';
import { createSession, type TableRef } from '../api/entry-api';
import { useTableVisit } from '../hooks/useTableVisit';
import { type SessionChoice, tableSteps } from '../table-steps';

const choices: { mode: Mode; title: string; description: string }[] = [
  { mode: 'single', title: 'One phone', description: 'Pass this phone between you.' },
  { mode: 'dual', title: 'Two phones', description: 'Each of you follows on your own phone, kept in step.' },
];

export function ModeStep({ table, choice }: { table: TableRef; choice: SessionChoice }) {
  useTableVisit(table);
  const navigate = useNavigate();
  const [creating, setCreating] = useState<Mode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const steps = tableSteps(table);

  async function start(mode: Mode) {
    setCreating(mode);
    setError(null);
    trackEvent({ type: 'mode_chosen', mode });
    // The choices go before the session they lead to, so that the log reads in the order things happened.
    await sendWaitingEvents();
    try {
      const visit = currentVisit();
      const { session, participant } = await createSession({
        ...table,
        ...choice,
        mode,
        ...(visit ? { visit: visit.id } : {}),
      });
      markStarted();
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
        {choices.map((option) => (
          <button
            key={option.mode}
            type="button"
            onClick={() => void start(option.mode)}
            disabled={creating !== null}
            aria-describedby={`mode-${option.mode}-description`}
            className="flex min-h-12 flex-col gap-1 rounded-2xl border-2 border-line bg-surface p-4 text-left hover:border-accent disabled:opacity-60"
          >
            <span className="text-xl font-semibold">{option.title}</span>
            <span id={`mode-${option.mode}-description`} className="text-muted">
              {option.description}
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
        <ButtonLink to={'context' in choice ? steps.chooseQuestions : steps.chooseLength} variant="quiet">
          Back
        </ButtonLink>
      </div>
    </Screen>
  );
}
