import { type ReactNode, useState } from 'react';
import type { QuestionFigures } from '../api/insight-api';
import { contextLabel, formatCount, formatFigure, formatShare, shareOf } from '../format';
import { cellClasses, headCellClasses, numberCellClasses, Section, tableClasses, ScrollArea } from './Section';

type Column = 'text' | 'shown' | 'liked' | 'seconds' | 'quick';
type Direction = 'ascending' | 'descending';

/** 👍 out of the diners who rated the card (👍 or 👎); undefined when nobody did. */
const likedShare = (question: QuestionFigures) => shareOf(question.liked, question.liked + question.disliked);

const sortValue: Record<Column, (question: QuestionFigures) => string | number | undefined> = {
  text: (question) => question.text.toLocaleLowerCase(),
  shown: (question) => question.shown,
  liked: likedShare,
  seconds: (question) => question.medianSeconds,
  quick: (question) => question.quickShare,
};

/** Sorted by one column; cards without a figure go last either way, ties keep the service's order. */
export function sortQuestions(questions: QuestionFigures[], column: Column, direction: Direction) {
  const sign = direction === 'ascending' ? 1 : -1;
  return questions
    .map((question, index) => ({ question, index, value: sortValue[column](question) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
      }
      const order =
        typeof a.value === 'string' || typeof b.value === 'string'
          ? String(a.value).localeCompare(String(b.value))
          : a.value - b.value;
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ question }) => question);
}

function SortHeader({
  column,
  sort,
  onSort,
  numeric = true,
  nowrap = false,
  children,
}: {
  column: Column;
  sort: { column: Column; direction: Direction };
  onSort: (column: Column) => void;
  numeric?: boolean;
  /** Short headings stay on one line so a narrow screen squeezes the question's text instead. */
  nowrap?: boolean;
  children: ReactNode;
}) {
  const active = sort.column === column;
  return (
    <th
      scope="col"
      aria-sort={active ? sort.direction : undefined}
      className={`${headCellClasses} ${numeric ? 'text-right' : 'min-w-48'} ${nowrap ? 'whitespace-nowrap' : 'min-w-28'}`}
    >
      <button
        type="button"
        onClick={() => onSort(column)}
        className="inline-flex min-h-12 items-center gap-1 rounded-lg text-left font-semibold text-accent underline-offset-4 hover:underline"
      >
        {children}
        <span aria-hidden="true" className="w-3">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

export function QuestionsTable({ questions }: { questions: QuestionFigures[] }) {
  const [sort, setSort] = useState<{ column: Column; direction: Direction }>({
    column: 'shown',
    direction: 'descending',
  });
  const onSort = (column: Column) =>
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: column === 'text' ? 'ascending' : 'descending' },
    );
  const sorted = sortQuestions(questions, sort.column, sort.direction);

  return (
    <Section
      title="Questions"
      intro="How often each card was shown, how diners rated it (👍 out of all 👍 and 👎), how long it stayed on screen, and how often it was skipped within 5 seconds. Choose a column heading to sort."
    >
      {questions.length === 0 ? (
        <p>No card was shown in this range.</p>
      ) : (
        <ScrollArea label="Questions, scrollable" className="max-h-[40rem] overflow-auto">
          <table className={tableClasses}>
            <caption className="sr-only">Figures per question, sortable by column</caption>
            <thead>
              <tr className="border-b-2 border-line">
                <SortHeader column="text" sort={sort} onSort={onSort} numeric={false}>
                  Question
                </SortHeader>
                <SortHeader column="shown" sort={sort} onSort={onSort} nowrap>
                  Shown
                </SortHeader>
                <SortHeader column="liked" sort={sort} onSort={onSort} nowrap>
                  <span aria-hidden="true">👍</span>
                  <span className="sr-only">Thumbs-up</span> share
                </SortHeader>
                <SortHeader column="seconds" sort={sort} onSort={onSort}>
                  Median time on card
                </SortHeader>
                <SortHeader column="quick" sort={sort} onSort={onSort}>
                  Advanced within 5 s
                </SortHeader>
              </tr>
            </thead>
            <tbody>
              {sorted.map((question) => (
                <tr key={`${question.questionId}-${question.revision}`} className="border-b border-line">
                  <th scope="row" className={`${cellClasses} font-normal`}>
                    <span className="block">{question.text}</span>
                    <span className="text-sm text-muted">
                      {contextLabel(question.context)}
                      {question.revision > 1 ? ` · version ${question.revision}` : ''}
                    </span>
                  </th>
                  <td className={numberCellClasses}>{formatCount(question.shown)}</td>
                  <td className={numberCellClasses}>
                    {formatShare(likedShare(question))}
                    <span className="block text-sm text-muted">
                      {`${formatCount(question.liked)} 👍 · ${formatCount(question.disliked)} 👎`}
                    </span>
                  </td>
                  <td className={numberCellClasses}>
                    {question.medianSeconds === undefined ? '—' : `${formatFigure(question.medianSeconds)} s`}
                  </td>
                  <td className={numberCellClasses}>{formatShare(question.quickShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </Section>
  );
}
