import { Link, useNavigate } from 'react-router';
import { ConsolePage } from '@/components/console/ConsolePage';
import { useConsoleAction } from '@/lib/console/hooks';
import { consolePaths } from '@/lib/console/paths';
import { createQuestion } from '../api/question-api';
import { blankQuestion, QuestionForm, type QuestionFormValues, questionOf } from './QuestionForm';

export function NewQuestionPage() {
  const navigate = useNavigate();
  const { run, pending, error } = useConsoleAction();

  async function add(values: QuestionFormValues) {
    const result = await run(() => createQuestion(questionOf(values)));
    if (result.ok) navigate(consolePaths.question(result.value.id), { state: { added: true } });
  }

  return (
    <ConsolePage
      title="New question"
      eyebrow={
        <Link to={consolePaths.questions()} className="text-accent underline-offset-4 hover:underline">
          Questions
        </Link>
      }
    >
      <QuestionForm
        initial={blankQuestion}
        creating
        submitLabel="Add a question"
        pending={pending}
        error={error}
        onSubmit={(values) => void add(values)}
      />
    </ConsolePage>
  );
}
