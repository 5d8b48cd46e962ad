import { describe, expect, it } from 'vitest';
import { outcomeAnnouncement, pickOutcome, sharedPhoneStep } from './choice-picks';

const options = [
  { id: 'a', text: 'Tea' },
  { id: 'b', text: 'Coffee' },
];

describe('sharedPhoneStep', () => {
  it('goes first pick, hand-over, second pick, shown', () => {
    expect(sharedPhoneStep(null, false, false)).toBe('first');
    expect(sharedPhoneStep(null, true, false)).toBe('pass');
    expect(sharedPhoneStep(null, true, true)).toBe('second');
    expect(sharedPhoneStep({ A: 'a', B: 'b' }, true, true)).toBe('shown');
  });

  it('shows the picks once the server does, whatever this phone remembers', () => {
    expect(sharedPhoneStep({ A: 'a', B: 'a' }, true, false)).toBe('shown');
  });

  it('does not take a hand-over for a card nobody has picked on yet', () => {
    expect(sharedPhoneStep(null, false, true)).toBe('first');
  });
});

describe('pickOutcome', () => {
  it('is nothing until the picks are shown', () => {
    expect(pickOutcome(null, 'A', options)).toBeNull();
  });

  it('tells a match from different picks, from either phone', () => {
    expect(pickOutcome({ A: 'b', B: 'b' }, 'A', options)).toEqual({
      mine: options[1],
      partner: options[1],
      matched: true,
    });
    expect(pickOutcome({ A: 'a', B: 'b' }, 'B', options)).toEqual({
      mine: options[1],
      partner: options[0],
      matched: false,
    });
  });

  it('has no partner pick when the partner was away', () => {
    expect(pickOutcome({ A: 'a' }, 'A', options)).toEqual({ mine: options[0], partner: null, matched: false });
  });

  it('ignores picks that are not among the card’s options', () => {
    expect(pickOutcome({ A: 'z', B: 'a' }, 'A', options)).toBeNull();
    expect(pickOutcome({ A: 'a', B: 'z' }, 'A', options)?.partner).toBeNull();
  });
});

describe('outcomeAnnouncement', () => {
  it('says both picks, or the match', () => {
    expect(outcomeAnnouncement(pickOutcome({ A: 'a', B: 'a' }, 'A', options))).toBe(
      'You matched! You both picked Tea.',
    );
    expect(outcomeAnnouncement(pickOutcome({ A: 'a', B: 'b' }, 'A', options))).toBe(
      'You picked Tea; your partner picked Coffee.',
    );
    expect(outcomeAnnouncement(pickOutcome({ A: 'a' }, 'A', options))).toBe('');
    expect(outcomeAnnouncement(null)).toBe('');
  });
});
