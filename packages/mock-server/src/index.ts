/** Public entry of @egov/mock-server: the server factory, its options, the store and the demo accounts. */
export { createMockServer, type MockServer } from './app.ts';
export {
  DEFAULT_ABANDONED_REGISTRATION_MS,
  DEFAULT_BASE_PATH,
  DEFAULT_DATA_DIR,
  DEFAULT_HOST,
  DEFAULT_PORT,
  type DevOptions,
  type FaultHooks,
  type MockServerOptions,
} from './options.ts';
export type { HousekeepingReport } from './housekeeping.ts';
export { DEFAULT_TOKEN_LIFETIMES, type TokenLifetimes } from './link-tokens.ts';
export { Outbox } from './outbox.ts';
export { DEFAULT_PASSWORD_POLICY, DEFAULT_UPLOAD_POLICY, DEFAULT_USER_TYPES } from './public-config.ts';
export { DEFAULT_CERTIFICATION_BODIES } from './certification-bodies.ts';
export type { CertificateOptions } from './certificates/settings.ts';
export { PROOF_LIMITS, PROOF_REFUSALS } from './certificates/proof-verifier.ts';
export { ensureTestPki, readTestPki, TEST_PKI_WARNING, type TestPki, type TestPkiCertificate } from './test-pki/test-pki.ts';
export { TEST_PEOPLE, TEST_PROFILE_NAMES, TEST_TOKENS, type TestProfileName } from './test-pki/profiles.ts';
export { TEST_BODIES } from './test-pki/bodies.ts';
export type { LogEntry, Logger } from './logger.ts';
export { Store, type AccountRecord, type StoreOptions } from './store.ts';
export { DEMO_ACCOUNTS, seedDemoAccounts, type DemoAccount } from './seed.ts';
export { DEFAULT_SESSION_POLICY, HOST_SESSION_COOKIE, SESSION_COOKIE, sessionCookieName, type SessionPolicy } from './sessions.ts';
export {
  DEFAULT_ACCOUNT_POLICY,
  DEFAULT_CERTIFICATE_CHALLENGE_POLICY,
  DEFAULT_CLIENT_REQUEST_POLICY,
  DEFAULT_EMAIL_REQUEST_POLICY,
  DEFAULT_IP_POLICY,
  type ThrottlePolicy,
} from './throttle.ts';
