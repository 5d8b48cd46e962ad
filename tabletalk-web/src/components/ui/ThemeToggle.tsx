import { useId, useState } from 'react';
import { chooseTheme, storedTheme, type ThemeChoice, themeChoices } from '@/lib/theme';

const labels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Light, dark, or as the phone is set: a small native menu at the foot of every screen. */
export function ThemeToggle() {
  const [choice, setChoice] = useState(storedTheme);
  const id = useId();

  return (
    <div className="flex items-center gap-2 text-base">
      <label htmlFor={id} className="text-muted">
        Theme
      </label>
      <select
        id={id}
        value={choice}
        onChange={(event) => {
          const next = event.target.value as ThemeChoice;
          chooseTheme(next);
          setChoice(next);
        }}
        className="min-h-11 rounded-xl border-2 border-line bg-surface px-2 text-ink"
      >
        {themeChoices.map((value) => (
          <option key={value} value={value}>
            {labels[value]}
          </option>
        ))}
      </select>
    </div>
  );
}
