import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { tapFailureMessage } from './failure-copy';

describe('failure copy', () => {
  it('says the same about the same failure when starting a session and when tapping a card', () => {
    const busy = new ApiError('unavailable', 'busy');
    expect(tapFailureMessage(busy, 'start')).toBe(tapFailureMessage(busy, 'command'));
  });

  it('owns up to failures on the service side, including codes the screens do not handle themselves', () => {
    for (const code of ['internal', 'method_not_allowed', 'unsupported_media_type'] as const) {
      expect(tapFailureMessage(new ApiError(code, 'from the service'), 'command')).toBe(
        'Something went wrong on our side. Please tap again.',
      );
    }
  });

  it('gives the incident id of an unexpected failure when the service sent one', () => {
    const failure = new ApiError('internal', 'boom', { status: 500, incident: '1a2b3c4d' });
    for (const tap of ['start', 'command'] as const) {
      expect(tapFailureMessage(failure, tap)).toBe(
        'Something went wrong on our side (incident 1a2b3c4d). Please tap again.',
      );
    }
  });

  it('tells a diner starting a session how long to wait when the service says', () => {
    const limited = new ApiError('rate_limited', 'slow down', { retryAfterSeconds: 20 });
    expect(tapFailureMessage(limited, 'start')).toBe(
      'Lots of new sessions from here just now. Please wait 20 seconds and tap again.',
    );
    expect(tapFailureMessage(limited, 'command')).toBe('Easy does it: please wait a moment before tapping again.');
  });
});
