import type { AuthError } from '../client/auth-client.js';
import type { Problem } from './problems.js';

/**
 * The problem to show for a failure that is not about the fields: the
 * backend down, slow or broken, too many attempts, or anything unexpected.
 */
export function serviceProblem(error: AuthError, now: () => number = Date.now): Problem {
  switch (error.code) {
    case 'throttled': {
      const seconds = Math.max(1, error.details.retryAfter ?? 60);
      const until = new Date(now() + seconds * 1000);
      return { text: (t, formatTime) => t.throttled(Math.ceil(seconds / 60), formatTime(until)) };
    }
    case 'network_error':
    case 'internal_error':
    case 'service_busy':
    case 'bad_response':
      return { text: (t) => t.serviceUnavailable };
    case 'timeout':
      return { text: (t) => t.serviceTimeout };
    // The page and its backend are deployed so that they cannot work together (the console says how to fix it).
    case 'csrf_failed':
    case 'origin_not_allowed':
      return { text: (t) => t.configErrorBody };
    default:
      return { text: (t) => t.unexpectedError };
  }
}
