import type { ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { contextNames, type Question } from '../api/question-api';
import type { Sort, SortKey } from '../hooks/useQuestionFilters';

/** 👍 out of the diners who rated the card; undefined when nobody did. */
export function likedShare(question: Question): number | undefined {
  const rated = question.liked + question.disliked;
  return rated === 0 ? undefined : question.liked / rated;
}

const sortValue: Record<SortKey, (question: Question) => string | number | undefined> = {
  id: (question) => question.id,
  context: (question) => question.context,
  type: (question) => question.type,
  difficulty: (question) => ['easy', 'medium', 'deep'].indexOf(question.difficulty),
  category: (question) => question.category,
  active: (question) => (question.active ? 0 : 1),
  text: (question) => question.text.toLocaleLowerCase(),
  shown: (question) => question.shown,
  liked: likedShare,
  seconds: (question) => question.medianSeconds,
};

/** Sorted by one column; rows without a figure go last either way, ties stay in id order. */
export function sortQuestions(questions: Question[], sort: Sort): Question[] {
  const sign = sort.descending ? -1 : 1;
  return questions
    .map((question) => ({ question, value: sortValue[sort.key](question) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        return a.value === b.value ? a.question.id - b.question.id : a.value === undefined ? 1 : -1;
      }
      const order =
        typeof a.value === 'string' || typeof b.value === 'string'
          ? String(a.value).localeCompare(String(b.value))
          : a.value - b.value;
      return order === 0 ? a.question.id - b.question.id : sign * order;
    })
    .map(({ question }) => question);
}

const headCell = 'border-b-2 border-line px-2 py-1 text-left align-bottom';
const cell = 'border-b border-line px-2 py-2 align-top';

function SortHeader({
  column,
  sort,
  onSort,
  children,
}: {
  column: SortKey;
  sort: Sort;
  onSort: (column: SortKey) => void;
  children: ReactNode;
}) {
  const active = sort.key === column;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
      className={headCell}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className="inline-flex min-h-12 items-center gap-1 rounded-lg text-left font-semibold text-accent underline-offset-4 hover:underline"
      >
        {children}
        <span aria-hidden="true" className="w-3">
          {active ? (sort.descending ? '▼' : '▲') : ''}
        </span>
      </button>
    </th>
  );
}

export interface QuestionTableProps {
  questions: Question[];
  sort: Sort;
  onSort: (column: SortKey) => void;
  onEdit: (question: Question) => void;
  onSetActive: (question: Question, active: boolean) => void;
  /** A change is under way: the row buttons wait. */
  busy: boolean;
}

export function QuestionTable({ questions, sort, onSort, onEdit, onSetActive, busy }: QuestionTableProps) {
  const header = (column: SortKey, label: string) => (
    <SortHeader column={column} sort={sort} onSort={onSort}>
      {label}
    </SortHeader>
  );
  return (
    <div className="overflow-x-auto rounded-2xl border-2 border-line bg-surface">
      <table className="w-full border-collapse text-base">
        <caption className="sr-only">Questions, {questions.length} shown</caption>
        <thead>
          <tr>
            {header('id', 'Id')}
            {header('context', 'Context')}
            {header('type', 'Type')}
            {header('difficulty', 'Difficulty')}
            {header('category', 'Category')}
            {header('active', 'Active')}
            {header('text', 'Question')}
            {header('shown', 'Shown')}
            {header('liked', '👍 share')}
            {header('seconds', 'Median time on card')}
            <th scope="col" className={headCell}>
              <span className="sr-only">Changes</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sortQuestions(questions, sort).map((question) => {
            const share = likedShare(question);
            return (
              <tr key={question.id} className={question.active ? '' : 'text-muted'}>
                <td className={`${cell} tabular-nums`}>{question.id}</td>
                <td className={cell}>{contextNames[question.context]}</td>
                <td className={cell}>{question.type}</td>
                <td className={cell}>{question.difficulty}</td>
                <td className={cell}>{question.category}</td>
                <td className={cell}>{question.active ? 'active' : 'retired'}</td>
                <td className={`${cell} min-w-64`}>
                  <p className="font-semibold">{question.text}</p>
                  <p className="text-muted">{question.hint}</p>
                  {question.options.length > 0 ? (
                    <ol className="mt-1 list-none text-muted">
                      {question.options.map((option) => (
                        <li key={option.id}>
                          {option.id}) {option.text}
                        </li>
                      ))}
                    </ol>
                  ) : null}
                </td>
                <td className={`${cell} text-right tabular-nums`}>{question.shown}</td>
                <td className={`${cell} text-right tabular-nums`}>
                  {share === undefined ? '—' : `${Math.round(share * 100)}%`}
                </td>
                <td className={`${cell} text-right tabular-nums`}>
                  {question.medianSeconds === undefined ? '—' : `${Math.round(question.medianSeconds)} s`}
                </td>
                <td className={cell}>
                  <div className="flex gap-2">
                    <Button variant="secondary" onClick={() => onEdit(question)}>
                      Edit
                    </Button>
                    <Button variant="secondary" disabled={busy} onClick={() => onSetActive(question, !question.active)}>
                      {question.active ? 'Retire' : 'Restore'}
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
