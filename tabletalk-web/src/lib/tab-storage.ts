// What this browser tab remembers for a while (sessionStorage): the visit, a card's rating, whether the
// recommend card was answered. Storage can be switched off or full; then the app carries on and forgets.

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function readTab(key: string): string | null {
  try {
    return storage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores the value, or forgets the key when it is null. */
export function writeTab(key: string, value: string | null): void {
  try {
    const store = storage();
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Quota exceeded or blocked: only a reload loses it.
  }
}
