import { Field } from '@/components/console/Field';
import { contextNames, contexts, difficulties, questionTypes } from '../api/question-api';
import type { FilterName } from '../hooks/useQuestionFilters';
import { SelectField } from './SelectField';

const any = { value: '', label: 'Any' };

export interface FilterBarProps {
  value: (name: FilterName) => string;
  onChange: (name: FilterName, value: string) => void;
}

/** Every change goes straight into the page's address, and the list follows it. */
export function FilterBar({ value, onChange }: FilterBarProps) {
  return (
    <form
      role="search"
      aria-label="Filter questions"
      className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
      onSubmit={(event) => event.preventDefault()}
    >
      <SelectField
        label="Context"
        value={value('context')}
        onChange={(event) => onChange('context', event.target.value)}
        choices={[any, ...contexts.map((context) => ({ value: context, label: contextNames[context] }))]}
      />
      <SelectField
        label="Type"
        value={value('type')}
        onChange={(event) => onChange('type', event.target.value)}
        choices={[any, ...questionTypes.map((type) => ({ value: type, label: type === 'open' ? 'Open' : 'Choice' }))]}
      />
      <SelectField
        label="Difficulty"
        value={value('difficulty')}
        onChange={(event) => onChange('difficulty', event.target.value)}
        choices={[any, ...difficulties.map((difficulty) => ({ value: difficulty, label: difficulty }))]}
      />
      <Field
        label="Category"
        maxLength={30}
        autoComplete="off"
        value={value('category')}
        onChange={(event) => onChange('category', event.target.value)}
      />
      <SelectField
        label="Active"
        value={value('active')}
        onChange={(event) => onChange('active', event.target.value)}
        choices={[any, { value: 'true', label: 'Active' }, { value: 'false', label: 'Retired' }]}
      />
      <Field
        label="Search questions"
        type="search"
        maxLength={200}
        autoComplete="off"
        value={value('q')}
        onChange={(event) => onChange('q', event.target.value)}
      />
    </form>
  );
}
