import { useId, useMemo, useState } from 'react';
import { Field } from '@/components/console/Field';
import { knownTimeZones } from './time-zones';

export function TimeZoneField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const listId = useId();
  // Some four hundred suggestions: only in the page once someone is in the field.
  const [suggesting, setSuggesting] = useState(false);
  const zones = useMemo(() => (suggesting ? knownTimeZones() : []), [suggesting]);
  return (
    <>
      <Field
        label="Time zone"
        hint="As in Europe/Rome or America/New_York."
        required
        list={listId}
        autoComplete="off"
        value={value}
        onFocus={() => setSuggesting(true)}
        onChange={(event) => onChange(event.target.value)}
      />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
