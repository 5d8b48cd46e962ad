import { type SelectHTMLAttributes, useId } from 'react';
import { inputClasses } from '@/components/console/Field';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  choices: readonly { value: string; label: string }[];
  problem?: string | null | undefined;
}

export function SelectField({ label, choices, problem, className = '', ...select }: SelectFieldProps) {
  const id = useId();
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <select
        id={id}
        className={inputClasses}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        {...select}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {problem ? (
        <p id={`${id}-problem`} className="text-base text-accent">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
