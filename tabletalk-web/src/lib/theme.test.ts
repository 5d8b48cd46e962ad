import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, chooseTheme, storedTheme } from './theme';

afterEach(() => {
  window.localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});

describe('theme choice', () => {
  it('follows the system until the diner chooses', () => {
    expect(storedTheme()).toBe('system');
    applyTheme(storedTheme());
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });

  it('applies and remembers light or dark, and forgets the choice for system', () => {
    chooseTheme('dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(storedTheme()).toBe('dark');
    chooseTheme('light');
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
    expect(storedTheme()).toBe('light');
    chooseTheme('system');
    expect(document.documentElement).not.toHaveAttribute('data-theme');
    expect(window.localStorage.getItem('tabletalk.theme')).toBeNull();
  });

  it('ignores a stored value it does not know', () => {
    window.localStorage.setItem('tabletalk.theme', 'sepia');
    expect(storedTheme()).toBe('system');
  });
});
