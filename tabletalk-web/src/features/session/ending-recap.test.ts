import { describe, expect, it } from 'vitest';
import { aDualSession, aSession } from '@/test/fixtures';
import { cardsText, durationText, endingRecap } from './ending-recap';

describe('the ending’s recap', () => {
  it('says who ended it from the service’s word, whichever phone reads it', () => {
    const ended = aDualSession({ status: 'ended', endedBy: 'B' });
    expect(endingRecap(ended, 'B', false).endedBy).toBe('you');
    expect(endingRecap(ended, 'A', true).endedBy).toBe('partner');
    expect(endingRecap(aSession({ status: 'ended' }), 'A', true).endedBy).toBe('you');
    expect(endingRecap(aSession({ status: 'ended' }), 'A', false).endedBy).toBe('unknown');
  });

  it('counts the cards up to the last one shown and the minutes from start to end', () => {
    const recap = endingRecap(
      aSession({ status: 'ended', position: 6, createdAt: '2025-01-01T19:00:00Z', endedAt: '2025-01-01T19:29:40Z' }),
      'A',
      false,
    );
    expect(recap.cards).toBe(7);
    expect(recap.minutes).toBe(30);
    expect(endingRecap(aSession({ status: 'ended' }), 'A', false).minutes).toBeNull();
  });

  it('leads back to the same table: walk-in or the restaurant’s', () => {
    expect(endingRecap(aSession({ tableToken: 'x-1' }), 'A', false).againPath).toBe('/t/x-1');
    const atTable = endingRecap(
      aSession({ restaurant: { slug: 'nord', name: 'Nord' }, table: { label: '12' } }),
      'A',
      false,
    );
    expect(atTable.againPath).toBe('/r/nord/t/12');
    expect(atTable.place).toBe('Nord · Table 12');
  });

  it('words cards and durations', () => {
    expect(cardsText(1)).toBe('1 card');
    expect(cardsText(3)).toBe('3 cards');
    expect(durationText(0)).toBe('under a minute');
    expect(durationText(1)).toBe('1 minute');
    expect(durationText(59)).toBe('59 minutes');
    expect(durationText(60)).toBe('1 hour');
    expect(durationText(121)).toBe('2 hours 1 minute');
  });
});
