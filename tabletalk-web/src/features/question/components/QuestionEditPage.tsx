import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { ConsolePage } from '@/components/console/ConsolePage';
import { ProblemNotice, StatusLine } from '@/components/console/Notices';
import { ResourceView } from '@/components/console/ResourceView';
import { Button } from '@/components/ui/Button';
import { useConsoleAction, useConsoleResource } from '@/lib/console/hooks';
import { consolePaths } from '@/lib/console/paths';
import {
  contextNames,
  fetchQuestion,
  type QuestionChange,
  type QuestionDetail,
  setQuestionActive,
  updateQuestion,
} from '../api/question-api';
import { QuestionForm, type QuestionFormValues, questionOf } from './QuestionForm';

function formValues(question: QuestionDetail): QuestionFormValues {
  const options = question.options.map((option) => option.text);
  return {
    context: question.context,
    type: question.type,
    difficulty: question.difficulty,
    category: question.category,
    text: question.text,
    hint: question.hint,
    options: [...options, '', '', '', ''].slice(0, 4),
  };
}

/** Only what differs from the question as loaded, so an untouched field is never sent. */
function changeOf(question: QuestionDetail, values: QuestionFormValues): QuestionChange {
  const next = questionOf(values);
  const change: QuestionChange = {};
  if (next.text !== question.text) change.text = next.text;
  if (next.hint !== question.hint) change.hint = next.hint;
  if (next.category !== question.category) change.category = next.category;
  if (next.difficulty !== question.difficulty) change.difficulty = next.difficulty;
  const options = question.options.map((option) => option.text);
  if (question.type === 'choice' && next.options.join('\n') !== options.join('\n')) change.options = next.options;
  return change;
}

function Revisions({ question }: { question: QuestionDetail }) {
  return (
    <section aria-labelledby="revisions" className="flex flex-col gap-3">
      <h2 id="revisions" className="text-xl font-bold">
        Revisions
      </h2>
      <ol className="flex flex-col gap-3">
        {[...question.revisions]
          .sort((a, b) => b.revision - a.revision)
          .map((revision) => (
            <li key={revision.revision} className="rounded-2xl border-2 border-line bg-surface p-4">
              <p className="text-base text-muted">
                Revision {revision.revision}
                {revision.revision === question.revision ? ' (current)' : ''} ·{' '}
                {new Date(revision.createdAt).toLocaleString()} · {revision.createdBy ?? 'from the seed files'} ·{' '}
                {revision.difficulty} · {revision.category}
              </p>
              <p className="font-semibold">{revision.text}</p>
              <p className="text-muted">{revision.hint}</p>
              {revision.options.length > 0 ? <p className="text-muted">{revision.options.join(' · ')}</p> : null}
            </li>
          ))}
      </ol>
    </section>
  );
}

function EditQuestion({ question, onChanged }: { question: QuestionDetail; onChanged: () => void }) {
  const location = useLocation();
  const save = useConsoleAction();
  const activity = useConsoleAction();
  const [done, setDone] = useState(
    (location.state as { added?: boolean } | null)?.added ? `Question ${question.id} added.` : '',
  );

  async function submit(values: QuestionFormValues) {
    setDone('');
    const change = changeOf(question, values);
    if (Object.keys(change).length === 0) {
      setDone('Nothing changed.');
      return;
    }
    const result = await save.run(() => updateQuestion(question.id, change));
    if (result.ok) {
      setDone(`Saved as revision ${result.value.revision}.`);
      onChanged();
    }
  }

  async function setActive(active: boolean) {
    setDone('');
    const result = await activity.run(() => setQuestionActive(question.id, active));
    if (result.ok) {
      setDone(active ? 'Restored: the question is back in new decks.' : 'Retired: new decks leave it out.');
      onChanged();
    }
  }

  return (
    <>
      <p className="text-base">
        {contextNames[question.context]} · {question.type === 'choice' ? 'choice card' : 'open card'} · revision{' '}
        {question.revision} · {question.active ? 'active' : 'retired'}
      </p>
      <div className="flex flex-col items-start gap-2">
        <Button variant="secondary" disabled={activity.pending} onClick={() => void setActive(!question.active)}>
          {question.active ? 'Retire' : 'Restore'}
        </Button>
        <ProblemNotice error={activity.error} />
      </div>
      <QuestionForm
        key={question.revision}
        initial={formValues(question)}
        creating={false}
        submitLabel="Save"
        pending={save.pending}
        error={save.error}
        onSubmit={(values) => void submit(values)}
      />
      <StatusLine>{done}</StatusLine>
      <Revisions question={question} />
    </>
  );
}

export function QuestionEditPage({ id }: { id: number }) {
  const location = useLocation();
  const back = (location.state as { back?: string } | null)?.back ?? '';
  const { state, reload } = useConsoleResource((signal) => fetchQuestion(id, signal), [id]);
  return (
    <ConsolePage
      title={`Question ${id}`}
      eyebrow={
        <Link to={`${consolePaths.questions()}${back}`} className="text-accent underline-offset-4 hover:underline">
          Questions
        </Link>
      }
    >
      <ResourceView state={state} loadingLabel="Loading the question…" onRetry={reload}>
        {(question) => <EditQuestion question={question} onChanged={reload} />}
      </ResourceView>
    </ConsolePage>
  );
}
