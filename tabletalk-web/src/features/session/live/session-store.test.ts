import { describe, expect, it } from 'vitest';
import { aSession } from '@/test/fixtures';
import { createLiveSessionStore } from './session-store';

function shownVersions(offered: number[], store = createLiveSessionStore()) {
  const shown: number[] = [];
  store.subscribe(() => {
    const version = store.get().state?.version;
    if (version !== undefined && shown.at(-1) !== version) shown.push(version);
  });
  offered.forEach((version) => store.show(aSession({ version })));
  return shown;
}

describe('live session store', () => {
  it('ignores states older than the one shown, and takes newer ones', () => {
    expect(shownVersions([5, 4, 7, 6])).toEqual([5, 7]);
  });

  it('ignores socket states older than one shown from a REST answer', () => {
    const store = createLiveSessionStore();
    store.show(aSession({ version: 1 }));
    store.show(aSession({ version: 3 })); // the answer to a command
    expect(shownVersions([2, 3], store)).toEqual([3]);
    expect(store.get().state?.version).toBe(3);
  });

  it('clears the note about a tap once the card moves on, and keeps it while the card stays', () => {
    const store = createLiveSessionStore();
    store.show(aSession({ version: 1, position: 0 }));
    store.update({ notice: 'That tap crossed with your partner’s. Please tap again.' });
    store.show(aSession({ version: 2, position: 0 }));
    expect(store.get().notice).not.toBeNull();
    store.show(aSession({ version: 3, position: 1 }));
    expect(store.get().notice).toBeNull();
  });

  it('drops a notice that the service was out of reach once a state arrives or the live channel is back', () => {
    const store = createLiveSessionStore();
    store.show(aSession({ version: 1, position: 0 }));
    store.noteOutOfReach('We couldn’t reach Table-Talk.');
    store.update({ connection: 'reconnecting' });
    expect(store.get().notice).toBe('We couldn’t reach Table-Talk.');
    store.update({ connection: 'live' });
    expect(store.get().notice).toBeNull();

    store.noteOutOfReach('We couldn’t reach Table-Talk.');
    store.show(aSession({ version: 1, position: 0 }));
    expect(store.get().notice).toBeNull();
  });

  it('keeps any other notice when the live channel is back', () => {
    const store = createLiveSessionStore();
    store.show(aSession({ version: 1, position: 0 }));
    store.noteOutOfReach('We couldn’t reach Table-Talk.');
    store.update({ notice: 'That tap crossed with your partner’s. Please tap again.' });
    store.update({ connection: 'live' });
    expect(store.get().notice).not.toBeNull();
  });

  it('keeps the table of the last state shown for the ways back', () => {
    const store = createLiveSessionStore();
    store.reset('t7');
    expect(store.tableToken).toBe('t7');
    store.show(aSession({ version: 1, tableToken: 'window-4' }));
    expect(store.tableToken).toBe('window-4');
  });
});
