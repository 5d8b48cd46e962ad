import { type InputHTMLAttributes, type ReactNode, useId } from 'react';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  /** Shown under the label before anything is typed (rules, formats). */
  hint?: ReactNode;
  /** What is wrong with the value; marks the input invalid. */
  problem?: string | null | undefined;
}

export const inputClasses =
  'min-h-12 w-full rounded-xl border-2 border-line bg-surface px-3 py-2 text-ink placeholder:text-muted ' +
  'aria-invalid:border-accent';

export function Field({ label, hint, problem, className = '', ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : '', problem ? problemId : ''].filter(Boolean).join(' ');
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {hint ? (
        <div id={hintId} className="text-base text-muted">
          {hint}
        </div>
      ) : null}
      <input
        id={id}
        className={inputClasses}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {problem ? (
        <p id={problemId} className="text-base text-accent">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
