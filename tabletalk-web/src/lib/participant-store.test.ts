import { describe, expect, it, vi } from 'vitest';
import { forgetParticipant, loadParticipant, saveParticipant } from './participant-store';

describe('participant store', () => {
  it('keeps the participant per session under tabletalk.participant.<id>', () => {
    saveParticipant('s1', { id: 'B', token: 'tok', tableToken: 't7' });
    expect(loadParticipant('s1')).toMatchObject({ id: 'B', token: 'tok', tableToken: 't7' });
    expect(JSON.parse(window.localStorage.getItem('tabletalk.participant.s1') ?? '')).toMatchObject({
      id: 'B',
      token: 'tok',
    });
    expect(loadParticipant('s2')).toBeNull();
  });

  it('ignores stored data that is not a participant', () => {
    window.localStorage.setItem('tabletalk.participant.s1', '{"id":"A"}');
    window.localStorage.setItem('tabletalk.participant.s2', 'not json');
    expect(loadParticipant('s1')).toBeNull();
    expect(loadParticipant('s2')).toBeNull();
  });

  it('forgets a participant', () => {
    saveParticipant('s1', { id: 'A', token: 'tok' });
    forgetParticipant('s1');
    expect(loadParticipant('s1')).toBeNull();
  });

  it('clears entries older than a week when saving', () => {
    vi.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') });
    saveParticipant('old', { id: 'A', token: 'tok' });
    vi.setSystemTime(new Date('2025-01-09T00:00:00Z'));
    saveParticipant('new', { id: 'A', token: 'tok' });
    expect(loadParticipant('old')).toBeNull();
    expect(loadParticipant('new')).not.toBeNull();
    vi.useRealTimers();
  });

  it('keeps working when storage is blocked', () => {
    const blocked = vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    try {
      expect(() => saveParticipant('s1', { id: 'A', token: 'tok' })).not.toThrow();
      expect(loadParticipant('s1')).toBeNull();
    } finally {
      blocked.mockRestore();
    }
  });
});
