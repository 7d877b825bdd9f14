export { EgovAuth } from './components/auth/egov-auth.js';
export { EgovLogin, type EgovLoginErrorDetail, type EgovLoginSuccessDetail } from './components/login/egov-login.js';
export { AuthError, TRANSPORT_ERROR_CODES, type AuthClient, type AuthErrorCode, type RequestOptions } from './client/auth-client.js';
export { FetchAuthClient, type FetchAuthClientOptions } from './client/fetch-auth-client.js';
export * from './client/contract.js';
export { resolveConfig } from './config/resolve-config.js';
export {
  LOGIN_MODES,
  type AuthConfig,
  type AuthConfigInput,
  type AuthLinks,
  type ConfigProblem,
  type LoginMode,
} from './config/auth-config.js';
export { authClientContext, authConfigContext } from './config/context.js';
export {
  SUPPORTED_LOCALES,
  localeDirection,
  negotiateLocale,
  parseLocale,
  registeredLocales,
  type BuiltInLocale,
  type Locale,
} from './i18n/locales.js';
export { LOCALE_NAMES, localeInfo, registerLocale, type LocaleRegistration } from './i18n/locale-registry.js';
export { defineLocalePack, type LocaleInfo, type LocaleParts, type LocalePack, type PartName, type PartTexts } from './i18n/locale-pack.js';
