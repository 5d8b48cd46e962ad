import { type FormEvent, useState } from 'react';
import { Field } from '@/components/console/Field';
import { ProblemNotice, StatusLine } from '@/components/console/Notices';
import { Button } from '@/components/ui/Button';
import {
  contextNames,
  contexts,
  type Difficulty,
  difficulties,
  maxOptions,
  minOptions,
  type NewQuestion,
  type QuestionContext,
  type QuestionType,
  questionTypes,
} from '../api/question-api';
import { SelectField } from './SelectField';

const optionIds = ['a', 'b', 'c', 'd'] as const;

export interface QuestionFormValues {
  context: QuestionContext;
  type: QuestionType;
  difficulty: Difficulty;
  category: string;
  text: string;
  hint: string;
  /** Always four slots; the filled ones from the first are the card's options. */
  options: string[];
}

export const blankQuestion: QuestionFormValues = {
  context: 'exploring',
  type: 'open',
  difficulty: 'easy',
  category: '',
  text: '',
  hint: '',
  options: ['', '', '', ''],
};

/** The filled options in order, or a sentence saying what is wrong with them. */
function optionsOf(values: QuestionFormValues): { options: string[]; problem: string | null } {
  if (values.type !== 'choice') return { options: [], problem: null };
  const trimmed = values.options.map((option) => option.trim());
  const filled = trimmed.filter(Boolean);
  const lastFilled = trimmed.findLastIndex((option) => option !== '');
  if (lastFilled + 1 !== filled.length)
    return { options: filled, problem: 'Fill the options from a on, without gaps.' };
  if (filled.length < minOptions || filled.length > maxOptions) {
    return { options: filled, problem: `A choice card has ${minOptions} to ${maxOptions} options.` };
  }
  return { options: filled, problem: null };
}

/** The form's values as the service takes them (trimmed; options only for a choice card). */
export function questionOf(values: QuestionFormValues): NewQuestion {
  return {
    context: values.context,
    type: values.type,
    difficulty: values.difficulty,
    category: values.category.trim(),
    text: values.text.trim(),
    hint: values.hint.trim(),
    options: optionsOf(values).options,
  };
}

export interface QuestionFormProps {
  initial: QuestionFormValues;
  /** A new question chooses its context and type; they never change afterwards. */
  creating: boolean;
  submitLabel: string;
  pending: boolean;
  /** The last request's failure: the service's rule message is shown above the fields. */
  error: unknown;
  done?: string;
  onSubmit: (values: QuestionFormValues) => void;
}

export function QuestionForm({ initial, creating, submitLabel, pending, error, done, onSubmit }: QuestionFormProps) {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof QuestionFormValues>(key: K, value: QuestionFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));
  const optionProblem = optionsOf(values).problem;
  const incomplete =
    values.text.trim() === '' || values.hint.trim() === '' || values.category.trim() === '' || optionProblem !== null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!incomplete) onSubmit(values);
  }

  return (
    <form onSubmit={submit} className="flex max-w-2xl flex-col gap-4" noValidate>
      <ProblemNotice error={error} />
      {creating ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label="Context"
            value={values.context}
            onChange={(event) => set('context', event.target.value as QuestionContext)}
            choices={contexts.map((context) => ({ value: context, label: contextNames[context] }))}
          />
          <SelectField
            label="Type"
            value={values.type}
            onChange={(event) => set('type', event.target.value as QuestionType)}
            choices={questionTypes.map((type) => ({ value: type, label: type === 'open' ? 'Open' : 'Choice' }))}
          />
        </div>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Difficulty"
          value={values.difficulty}
          onChange={(event) => set('difficulty', event.target.value as Difficulty)}
          choices={difficulties.map((difficulty) => ({ value: difficulty, label: difficulty }))}
        />
        <Field
          label="Category"
          hint="Lower-case letters and _ only."
          maxLength={30}
          autoComplete="off"
          value={values.category}
          onChange={(event) => set('category', event.target.value)}
        />
      </div>
      <Field
        label="Text"
        hint="10 to 200 characters, as the card shows it."
        maxLength={200}
        autoComplete="off"
        value={values.text}
        onChange={(event) => set('text', event.target.value)}
      />
      <Field
        label="Hint"
        hint="5 to 120 characters."
        maxLength={120}
        autoComplete="off"
        value={values.hint}
        onChange={(event) => set('hint', event.target.value)}
      />
      {values.type === 'choice' ? (
        <fieldset className="flex flex-col gap-3">
          <legend className="font-semibold">Options</legend>
          <p className="text-base text-muted">
            {minOptions} to {maxOptions}, up to 40 characters each; leave the last ones empty.
          </p>
          {optionIds.map((id, index) => (
            <Field
              key={id}
              label={`Option ${id}`}
              maxLength={40}
              autoComplete="off"
              value={values.options[index] ?? ''}
              onChange={(event) =>
                set(
                  'options',
                  values.options.map((option, at) => (at === index ? event.target.value : option)),
                )
              }
            />
          ))}
          {optionProblem ? <p className="text-base text-accent">{optionProblem}</p> : null}
        </fieldset>
      ) : null}
      <div>
        <Button type="submit" disabled={pending || incomplete}>
          {pending ? 'Saving…' : submitLabel}
        </Button>
      </div>
      <StatusLine>{done}</StatusLine>
    </form>
  );
}
