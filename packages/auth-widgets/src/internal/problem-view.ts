import { problemStyles } from '../styles/problem-styles.js';

/**
 * How the forms show problems: the error summary, and the styles of the
 * summary, field errors and notices. Registration, reset, confirmation and
 * the picker hand it to their base class with their form (they show
 * problems from the start); `<egov-login>` loads it with its first try, or
 * before its first render when its configuration is wrong.
 */
export const problemView = { problemStyles };

export type ProblemView = typeof problemView;
