import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ConsolePage } from '@/components/console/ConsolePage';
import { ProblemNotice, StatusLine } from '@/components/console/Notices';
import { ResourceView } from '@/components/console/ResourceView';
import { Button, buttonClasses } from '@/components/ui/Button';
import { useConsoleAction, useConsoleResource } from '@/lib/console/hooks';
import { consolePaths } from '@/lib/console/paths';
import { exportUrl, filterQuery, listQuestions, type Question, setQuestionActive } from '../api/question-api';
import { useQuestionFilters } from '../hooks/useQuestionFilters';
import { FilterBar } from './FilterBar';
import { ImportPanel } from './ImportPanel';
import { QuestionTable } from './QuestionTable';

/** The question library, for admins: every question, filtered and sorted, with its changes and the CSV files. */
export function QuestionsPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const { filters, sort, setFilter, sortBy, raw } = useQuestionFilters();
  const query = filterQuery(filters);
  const { state, reload } = useConsoleResource((signal) => listQuestions(filters, signal), [query]);
  const { run, pending, error } = useConsoleAction();
  const [done, setDone] = useState('');

  async function setActive(question: Question, active: boolean) {
    setDone('');
    const result = await run(() => setQuestionActive(question.id, active));
    if (result.ok) {
      setDone(`Question ${question.id} ${active ? 'is back in the decks' : 'is retired'}.`);
      reload();
    }
  }

  return (
    <ConsolePage title="Questions">
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => navigate(consolePaths.newQuestion())}>Add a question</Button>
        <a href={exportUrl(filters)} download className={buttonClasses('secondary')}>
          Download CSV
        </a>
      </div>
      <FilterBar value={raw} onChange={setFilter} />
      <section aria-label="Question list" className="flex flex-col gap-3">
        <ProblemNotice error={error} />
        <StatusLine>{done}</StatusLine>
        <ResourceView state={state} loadingLabel="Loading questions…" onRetry={reload}>
          {(questions) =>
            questions.length === 0 ? (
              <p className="rounded-2xl bg-surface-muted p-4">No question matches these filters.</p>
            ) : (
              <QuestionTable
                questions={questions}
                sort={sort}
                onSort={sortBy}
                busy={pending}
                onEdit={(question) =>
                  navigate(consolePaths.question(question.id), { state: { back: location.search } })
                }
                onSetActive={(question, active) => void setActive(question, active)}
              />
            )
          }
        </ResourceView>
      </section>
      <ImportPanel onApplied={reload} />
    </ConsolePage>
  );
}
