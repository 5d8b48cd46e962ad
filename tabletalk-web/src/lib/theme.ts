// The diner's light/dark choice. "system" follows the phone's setting; the other two override it.
// The choice is kept on this phone only and applied as data-theme on <html>, which index.css reads.

export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

const storageKey = 'tabletalk.theme';

function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (themeChoices as readonly string[]).includes(value);
}

export function storedTheme(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isThemeChoice(value) ? value : 'system';
  } catch {
    return 'system'; // storage blocked
  }
}

export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

/** Applies the choice and remembers it for the next visit. */
export function chooseTheme(choice: ThemeChoice): void {
  applyTheme(choice);
  try {
    if (choice === 'system') window.localStorage.removeItem(storageKey);
    else window.localStorage.setItem(storageKey, choice);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
}
