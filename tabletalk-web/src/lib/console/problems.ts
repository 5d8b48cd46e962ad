// What a failed console request means for the person at the screen, in the error envelope's terms.
import { ApiError } from '../api-client';

function waitText(seconds: number | undefined): string {
  if (seconds === undefined) return 'a moment';
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

export function problemMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'invalid_credentials':
      return 'That email and password don’t match an account. Check both and try again.';
    case 'rate_limited':
      return `Too many attempts. Please wait ${waitText(error.retryAfterSeconds)} and try again.`;
    case 'forbidden':
      return 'Your account may not do this.';
    case 'not_found':
      return 'This doesn’t exist, or isn’t one of yours.';
    case 'unauthorized':
      return 'You are signed out. Please sign in again.';
    case 'unreachable':
      return 'Table-Talk could not be reached. Check the connection and try again.';
    case 'unavailable':
      return 'Table-Talk is busy for a moment. Please try again shortly.';
    case 'bad_response':
      return 'Table-Talk answered something this page does not understand. Reloading usually helps.';
    // The server says exactly what to change (a taken slug or label, a password it refuses).
    case 'conflict':
    case 'invalid_request':
    case 'payload_too_large':
      return error.message;
    default:
      return `Something went wrong on our side. ${error.message}`;
  }
}
