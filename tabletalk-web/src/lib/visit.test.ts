import { describe, expect, it } from 'vitest';
import { currentVisit, enterTable, forgetVisit, markStarted, markWelcomed, randomId } from './visit';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the visit', () => {
  it('starts with a random id, kept for the tab', () => {
    const first = enterTable({ tableToken: 't7' });
    expect(first.isNew).toBe(true);
    expect(first.visit.id).toMatch(uuid);
    expect(JSON.parse(window.sessionStorage.getItem('tabletalk.visit') ?? '{}')).toMatchObject({ id: first.visit.id });
    // The next step, or a refresh, at the same table.
    expect(enterTable({ tableToken: 't7' })).toEqual({ visit: first.visit, isNew: false });
    expect(currentVisit()?.id).toBe(first.visit.id);
  });

  it('starts anew at another table opened in the same tab', () => {
    const first = enterTable({ tableToken: 't7' }).visit;
    const second = enterTable({ restaurant: 'luigis', table: '7' });
    expect(second.isNew).toBe(true);
    expect(second.visit.id).not.toBe(first.id);
    expect(second.visit).toMatchObject({ restaurant: 'luigis', table: '7' });
    expect(enterTable({ restaurant: 'luigis', table: '8' }).isNew).toBe(true);
  });

  it('starts anew at the same table once its session has started', () => {
    const first = enterTable({ tableToken: 't7' }).visit;
    markStarted();
    const again = enterTable({ tableToken: 't7' });
    expect(again.isNew).toBe(true);
    expect(again.visit.id).not.toBe(first.id);
  });

  it('says the welcome was seen only once per visit', () => {
    enterTable({ tableToken: 't7' });
    expect(markWelcomed()).toBe(true);
    expect(markWelcomed()).toBe(false);
    enterTable({ tableToken: 't8' });
    expect(markWelcomed()).toBe(true);
  });

  it('is not fooled by something else stored under its key', () => {
    window.sessionStorage.setItem('tabletalk.visit', '{"id":1}');
    expect(currentVisit()).toBeNull();
    expect(enterTable({ tableToken: 't7' }).isNew).toBe(true);
    forgetVisit();
    expect(currentVisit()).toBeNull();
  });

  it('makes a version 4 id without randomUUID too (pages served over plain http)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(randomId()).toMatch(uuid);
      expect(randomId()).not.toBe(randomId());
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
