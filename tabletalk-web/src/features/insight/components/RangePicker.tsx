import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/console/Field';
import type { DayRange } from '../api/insight-api';
import { lastDays, presets, rangeProblem } from '../range';

export interface RangePickerProps {
  range: DayRange;
  todayDay: string;
  onChange: (range: DayRange) => void;
}

/** Presets apply at once; typed days apply with "Show", so half-typed dates are never asked for. */
export function RangePicker({ range, todayDay, onChange }: RangePickerProps) {
  const [draft, setDraft] = useState(range);
  const [shown, setShown] = useState(range);
  const [problem, setProblem] = useState<string | null>(null);
  // A new range from outside (a preset, going back in the browser): the fields follow it.
  if (shown.from !== range.from || shown.to !== range.to) {
    setShown(range);
    setDraft(range);
    setProblem(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = rangeProblem(draft);
    setProblem(found);
    if (found === null) onChange(draft);
  }

  return (
    <section aria-labelledby="insight-range" className="flex flex-col gap-3 rounded-2xl bg-surface p-5">
      <h2 id="insight-range" className="text-xl font-bold">
        Days to show
      </h2>
      <ul className="flex flex-wrap gap-2">
        {presets.map((preset) => {
          const presetRange = lastDays(preset.days, todayDay);
          const active = presetRange.from === range.from && presetRange.to === range.to;
          return (
            <li key={preset.days}>
              <Button variant="secondary" aria-pressed={active} onClick={() => onChange(presetRange)}>
                {preset.label}
              </Button>
            </li>
          );
        })}
      </ul>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
        <Field
          label="From"
          type="date"
          className="w-44"
          max={todayDay}
          value={draft.from}
          problem={problem}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
        />
        <Field
          label="To"
          type="date"
          className="w-44"
          max={todayDay}
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
        />
        <Button type="submit" variant="secondary">
          Show these days
        </Button>
      </form>
    </section>
  );
}
