import { checkConfig, type AuthConfigInput, type ConfigResult } from './auth-config.js';
import { describeConfigProblem } from './config-problem-details.js';

/**
 * Checks a configuration and fills in defaults, each problem with its
 * English detail for the site's developers. Never throws: a bad
 * configuration comes back as problems. (The elements check with
 * `checkConfig` and load the details only when there is a problem.)
 */
export function resolveConfig(
  input: AuthConfigInput,
  baseUri: string = document.baseURI,
  preferred: readonly (string | null | undefined)[] = navigator.languages,
): ConfigResult {
  const checked = checkConfig(input, baseUri, preferred);
  if (checked.ok) return checked;
  return { ok: false, locale: checked.locale, problems: checked.problems.map((issue) => ({ code: issue.code, detail: describeConfigProblem(issue) })) };
}
