// What a diner reads when a request fails. One wording per failure, so that starting a session and
// tapping on a card say the same thing about the same trouble.
import { ApiError, type ApiFailureCode } from './api-client';

/** Heading of the screens that wait for the service to come back. */
export const unreachableTitle = 'We can’t reach Table-Talk';

const tapAgain = 'That didn’t work. Please tap again.';
const ourSide = 'Something went wrong on our side. Please tap again.';
const scanAgain = 'Please scan the code on your table again.';

/** What a failed tap says, for every failure the app knows. */
export const tapFailureCopy: Record<ApiFailureCode, string> = {
  invalid_request: tapAgain,
  unauthorized: `This phone is no longer part of the session. ${scanAgain}`,
  not_found: `We can’t find this session. ${scanAgain}`,
  forbidden: ourSide,
  method_not_allowed: ourSide,
  version_conflict: 'That tap crossed with your partner’s. Please tap again.',
  // True of a one-phone session as well as of a two-phone one.
  session_full: 'This session has no room for another phone.',
  session_expired: 'This session has expired.',
  session_ended: 'This session has ended.',
  inactive: `This table isn’t taking part just now. ${scanAgain}`,
  payload_too_large: ourSide,
  uri_too_long: ourSide,
  unsupported_media_type: ourSide,
  headers_too_large: ourSide,
  rate_limited: 'Easy does it: please wait a moment before tapping again.',
  internal: ourSide,
  unavailable: 'Table-Talk is very busy for a moment. Please wait a few seconds and tap again.',
  unreachable: 'We couldn’t reach Table-Talk. Check your connection and tap again.',
  bad_response: ourSide,
  // Console sign-in and editing only; a diner's tap never meets them.
  invalid_credentials: ourSide,
  conflict: ourSide,
};

/** A conflict over a card that had already moved on when the tap reached the service. */
export const cardChangedCopy = 'The card changed just before your tap.';

/** `start`: creating a session from the entry steps; `command`: a tap on a session's card. */
export type Tap = 'start' | 'command';

export function tapFailureMessage(error: unknown, tap: Tap): string {
  if (!(error instanceof ApiError)) return tapAgain;
  // The id lets the restaurant or support find the failure in the service's log.
  if (error.code === 'internal' && error.incident) {
    return `Something went wrong on our side (incident ${error.incident}). Please tap again.`;
  }
  if (tap === 'start') {
    switch (error.code) {
      // The service limits new sessions per address, which a table shares with its neighbours.
      case 'rate_limited':
        return error.retryAfterSeconds
          ? `Lots of new sessions from here just now. Please wait ${error.retryAfterSeconds} seconds and tap again.`
          : 'Lots of new sessions from here just now. Please wait a moment and tap again.';
      case 'invalid_request':
        return `This table code doesn’t look right. ${scanAgain}`;
      case 'not_found':
        return `This table isn’t taking part any more. ${scanAgain}`;
    }
  }
  return tapFailureCopy[error.code];
}
