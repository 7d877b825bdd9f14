import { expect } from '@open-wc/testing';
import { AuthError } from '../client/auth-client.js';
import { en } from '../i18n/en.js';
import { srCyrl } from '../i18n/sr-cyrl.js';
import { serviceProblem } from './service-problems.js';

const formatTime = (date: Date) => date.toISOString().slice(11, 16);

describe('serviceProblem', () => {
  it('a busy backend (503 service_busy) is "try again in a moment" with nothing lost, in each language', () => {
    const problem = serviceProblem(new AuthError('service_busy', 503, { retryAfter: 2 }));
    expect(problem.text(en, formatTime)).to.equal(en.serviceUnavailable);
    expect(problem.text(en, formatTime)).to.contain('Nothing you entered is lost');
    expect(problem.text(srCyrl, formatTime)).to.equal(srCyrl.serviceUnavailable);
  });

  it('too many attempts says when, as a time', () => {
    const problem = serviceProblem(new AuthError('throttled', 429, { retryAfter: 90 }), () => Date.UTC(2030, 0, 1, 14, 0));
    expect(problem.text(en, formatTime)).to.equal(en.throttled(2, '14:01'));
  });
});
