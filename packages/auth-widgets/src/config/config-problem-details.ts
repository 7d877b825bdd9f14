import { registeredLocales } from '../i18n/locales.js';
import { CERTIFICATE_AGENTS, CERTIFICATE_PICKER_UIS, LOGIN_MODES, type ConfigIssue } from './auth-config.js';

/**
 * A configuration problem in English, for the site's developers: it names
 * the setting and the value that was wrong. Shown behind "Details for the
 * site's administrators" and logged once; its code loads only on a page
 * that set the kit up wrongly.
 */
export function describeConfigProblem(issue: ConfigIssue): string {
  const value = issue.value ?? '';
  switch (issue.code) {
    case 'missing_backend_url':
      return 'No backend URL: set the backend-url attribute (or backendUrl in the config).';
    case 'invalid_backend_url':
      return issue.name === 'scheme' ? `Backend URL "${value}" must use https.` : `Backend URL "${value}" is not a URL.`;
    case 'insecure_backend_url':
      return `Backend URL "${value}" must use https (plain http is allowed only for localhost).`;
    case 'unknown_mode':
      return `Unknown login mode "${value}"; use ${LOGIN_MODES.join(' or ')}.`;
    case 'no_modes':
      return `No login mode is enabled; use ${LOGIN_MODES.join(' and/or ')}.`;
    case 'invalid_link':
      return `Link "${issue.name ?? ''}" must be an https URL or a path on this site (plain http only on localhost), got "${value}".`;
    case 'invalid_locale_param':
      return `Locale parameter "${value}" must be a plain query parameter name (letters, digits, _ . -), or "" for none.`;
    case 'unknown_locale':
      return `Unknown language "${value}" in locales; the kit has ${registeredLocales().join(', ')} (registerLocale adds one).`;
    case 'locale_not_offered':
      return `Language "${value}" is not among the languages this site offers (the locales setting).`;
    case 'unknown_agent':
      return `Unknown certificate agent "${value}"; use ${CERTIFICATE_AGENTS.join(' or ')}.`;
    case 'unknown_picker_ui':
      return `Unknown certificate picker UI "${value}"; use ${CERTIFICATE_PICKER_UIS.join(' or ')}.`;
  }
}
