// The question library (admins): list, read, add, edit, retire and restore questions, and move the library
// in and out as CSV.
import { consoleRequest, consoleUrl } from '@/lib/console/console-api';
import {
  array,
  boolean,
  count,
  nonEmptyString,
  nullish,
  number,
  object,
  oneOf,
  type Parsed,
  type Parser,
  safeParse,
  string,
} from '@/lib/parse';

export const contexts = ['exploring', 'established', 'mature'] as const;
export type QuestionContext = (typeof contexts)[number];
export const questionTypes = ['open', 'choice'] as const;
export type QuestionType = (typeof questionTypes)[number];
export const difficulties = ['easy', 'medium', 'deep'] as const;
export type Difficulty = (typeof difficulties)[number];

export const contextNames: Record<QuestionContext, string> = {
  exploring: 'Exploring',
  established: 'Established',
  mature: 'Mature',
};

/** A choice card has 2 to 4 options. */
export const minOptions = 2;
export const maxOptions = 4;

const optionParser = object({ id: nonEmptyString, text: string });

const questionFields = {
  id: count,
  context: oneOf(contexts),
  type: oneOf(questionTypes),
  difficulty: oneOf(difficulties),
  category: string,
  active: boolean,
  revision: count,
  text: string,
  hint: string,
  options: array(optionParser),
  shown: count,
  liked: count,
  disliked: count,
  /** Median time on the card in seconds, over the showings the dashboard has counted; absent before any. */
  medianSeconds: nullish(number),
};
const questionParser = object(questionFields);
export type Question = Parsed<typeof questionParser>;

const revisionParser = object({
  revision: count,
  text: string,
  hint: string,
  // The service may send options as {id,text} or as plain texts; either is shown as text.
  options: array((input, path) => (typeof input === 'string' ? input : optionParser(input, path).text)),
  difficulty: string,
  category: string,
  createdAt: nonEmptyString,
  createdBy: nullish(string),
});
export type Revision = Parsed<typeof revisionParser>;

const detailParser = object({ ...questionFields, revisions: array(revisionParser) });
export type QuestionDetail = Parsed<typeof detailParser>;

const parserOf =
  <T>(parser: Parser<T>) =>
  (json: unknown) =>
    safeParse(parser, json);

const questionAnswer = parserOf(object({ question: questionParser }));

/** The list's filters as the service takes them; absent means "any". */
export interface QuestionFilters {
  context?: QuestionContext;
  type?: QuestionType;
  difficulty?: Difficulty;
  category?: string;
  active?: boolean;
  q?: string;
}

export function filterQuery(filters: QuestionFilters): string {
  const query = new URLSearchParams();
  if (filters.context) query.set('context', filters.context);
  if (filters.type) query.set('type', filters.type);
  if (filters.difficulty) query.set('difficulty', filters.difficulty);
  if (filters.category) query.set('category', filters.category);
  if (filters.active !== undefined) query.set('active', String(filters.active));
  if (filters.q) query.set('q', filters.q);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export async function listQuestions(filters: QuestionFilters, signal?: AbortSignal): Promise<Question[]> {
  const response = await consoleRequest(`/questions${filterQuery(filters)}`, {
    parse: parserOf(object({ questions: array(questionParser) })),
    signal,
  });
  return response.data.questions;
}

export async function fetchQuestion(id: number, signal?: AbortSignal): Promise<QuestionDetail> {
  const response = await consoleRequest(`/questions/${id}`, {
    parse: parserOf(object({ question: detailParser })),
    signal,
  });
  return response.data.question;
}

export interface NewQuestion {
  context: QuestionContext;
  type: QuestionType;
  difficulty: Difficulty;
  category: string;
  text: string;
  hint: string;
  /** Empty for an open card. */
  options: string[];
}

export async function createQuestion(question: NewQuestion): Promise<Question> {
  const response = await consoleRequest('/questions', { method: 'POST', body: question, parse: questionAnswer });
  return response.data.question;
}

export type QuestionChange = Partial<Pick<NewQuestion, 'text' | 'hint' | 'options' | 'category' | 'difficulty'>>;

export async function updateQuestion(id: number, change: QuestionChange): Promise<Question> {
  const response = await consoleRequest(`/questions/${id}`, { method: 'PATCH', body: change, parse: questionAnswer });
  return response.data.question;
}

export async function setQuestionActive(id: number, active: boolean): Promise<Question> {
  const response = await consoleRequest(`/questions/${id}/${active ? 'restore' : 'retire'}`, {
    method: 'POST',
    parse: questionAnswer,
  });
  return response.data.question;
}

/** The CSV of the questions the filters select, as a plain link (the browser sends the sign-in cookie). */
export function exportUrl(filters: QuestionFilters): string {
  return consoleUrl(`/questions.csv${filterQuery(filters)}`);
}

export const importActions = ['add', 'change', 'retire', 'restore', 'unchanged', 'reject'] as const;
export type ImportAction = (typeof importActions)[number];

const importReportParser = object({
  rows: array(
    object({
      line: count,
      id: nullish(count),
      action: oneOf(importActions),
      reason: nullish(string),
      fields: nullish(array(string)),
    }),
  ),
  summary: object({
    added: count,
    changed: count,
    retired: count,
    restored: count,
    unchanged: count,
    rejected: count,
  }),
});
export type ImportReport = Parsed<typeof importReportParser>;

/** Checks the file (`dryRun`) or applies it; applying changes nothing unless every row is accepted. */
export async function importQuestions(csv: string, dryRun: boolean): Promise<ImportReport> {
  const response = await consoleRequest(`/questions/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    rawBody: { contentType: 'text/csv', content: csv },
    parse: parserOf(importReportParser),
  });
  return response.data;
}
