import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS } from '@egov/auth-widgets/contract';
import {
  DEFAULT_ABANDONED_REGISTRATION_MS,
  DEFAULT_BASE_PATH,
  DEFAULT_DATA_DIR,
  DEFAULT_HOST,
  DEFAULT_PORT,
  type MockServerOptions,
} from './options.ts';
import { DEFAULT_PASSWORD_POLICY, DEFAULT_UPLOAD_POLICY } from './public-config.ts';
import type { SameSite } from './sessions.ts';
import { DEFAULT_PENDING_UPLOAD_QUOTA_BYTES } from './upload-quota.ts';
import { DEFAULT_CRL_REFRESH_MS } from './certificates/revocation.ts';
import { BUNDLED_TRUSTED_LIST } from './trusted-list/bundled.ts';
import { DEFAULT_GUESS_CAP_POLICY } from './throttle.ts';
import { DEFAULT_CONFIRM_EMAIL_PATH, DEFAULT_RESET_PASSWORD_PATH } from './site-links.ts';

export const SERVER_USAGE = `Usage: egov-mock-server [options]

  --port <n>                 port to listen on (EGOV_PORT; default ${DEFAULT_PORT}; 0 = any free port)
  --host <host>              address to bind (EGOV_HOST; default ${DEFAULT_HOST})
  --data-dir <dir>           database directory (EGOV_DATA_DIR; default packages/mock-server/.data)
  --db-url <url>             libsql URL instead of --data-dir (EGOV_DB_URL)
  --base-path <path>         API prefix (EGOV_BASE_PATH; default ${DEFAULT_BASE_PATH})
  --allowed-origin <origin>  allow a site to call the API with credentials; repeatable
                             (EGOV_ALLOWED_ORIGINS, comma-separated)
  --public-url <url>         URL the server is reached at behind a proxy (EGOV_PUBLIC_URL)
  --trusted-proxy <cidr>     believe Forwarded/X-Forwarded-For from this proxy address or range, so
                             each client is counted by its own address; repeatable
                             (EGOV_TRUSTED_PROXIES, comma-separated)
  --server-name <host>       a host name clients use for this server (besides the public URL's and,
                             on loopback, localhost); other Host headers get 421; repeatable
                             (EGOV_SERVER_NAMES, comma-separated). Needed with --host 0.0.0.0
  --cookie-secure <bool>     force the Secure cookie attribute on/off (EGOV_COOKIE_SECURE;
                             default: on unless bound to a loopback address)
  --cookie-same-site <v>     Lax | Strict | None (EGOV_COOKIE_SAME_SITE; default Lax)
  --dev                      enable development operations and seed the demo accounts (EGOV_DEV=1);
                             loopback clients are then not counted per address
  --dev-token <token>        require this X-Egov-Dev-Token on development operations (EGOV_DEV_TOKEN)
  --reviewer-token <token>   turn on the reviewer ("authorized person") operations, which need this
                             X-Egov-Reviewer-Token (EGOV_REVIEWER_TOKEN); no --dev needed, and it
                             brings none of the development operations
  --site-url <url>           the site the links in e-mails open (EGOV_SITE_URL; default: the public
                             URL's origin, else the listening URL)
  --confirm-email-path <p>   e-mail confirmation page on the site (EGOV_CONFIRM_EMAIL_PATH;
                             default ${DEFAULT_CONFIRM_EMAIL_PATH})
  --reset-password-path <p>  new-password page on the site (EGOV_RESET_PASSWORD_PATH;
                             default ${DEFAULT_RESET_PASSWORD_PATH}); a {locale} slot in either path
                             takes the message's language (/{locale}/potvrda)
  --login-path <p>           the login page on the site, linked from the "account active" e-mail
                             (EGOV_LOGIN_PATH; default: the site itself)
  --link-locale-param <name> the query parameter the e-mail links carry the language in
                             (EGOV_LINK_LOCALE_PARAM; default locale; "" for none)
  --password-min-length <n>  shortest password accepted (EGOV_PASSWORD_MIN_LENGTH; default
                             ${DEFAULT_PASSWORD_POLICY.minLength}, never below ${LIMITS.passwordMinLengthFloor})
  --password-guess-budget <n>  wrong passwords in a row before password login waits for a reset
                             (EGOV_PASSWORD_GUESS_BUDGET; default ${DEFAULT_GUESS_CAP_POLICY.maxFailures}; the owner is e-mailed)
  --upload-max-files <n>     documents per registration (EGOV_UPLOAD_MAX_FILES; default ${DEFAULT_UPLOAD_POLICY.maxFiles})
  --upload-max-bytes <n>     bytes per document (EGOV_UPLOAD_MAX_BYTES; default ${DEFAULT_UPLOAD_POLICY.maxFileBytes})
  --pending-uploads-quota <n>  bytes of documents of unconfirmed registrations kept at most; past it a
                             registration gets 503 (EGOV_PENDING_UPLOADS_QUOTA; default ${DEFAULT_PENDING_UPLOAD_QUOTA_BYTES})
  --uploads-dir <dir>        where documents are stored (EGOV_UPLOADS_DIR; default <data-dir>/uploads)
  --abandoned-hours <n>      delete registrations unconfirmed for this long (EGOV_ABANDONED_HOURS;
                             default ${DEFAULT_ABANDONED_REGISTRATION_MS / 3_600_000})

Certificate login (with --dev the generated TEST PKI in <data-dir>/test-pki is trusted too):
  --trust-anchor <pem-file>  trust the CA certificates in this PEM file; repeatable
                             (EGOV_TRUST_ANCHORS, comma-separated files)
  --intermediate <pem-file>  intermediate CA certificates for cards that send none (a MUP card);
                             never anchors; repeatable (EGOV_INTERMEDIATES, comma-separated files)
  --trusted-list <file|bundled>  an ETSI TS 119 612 trusted list (XML): its granted CAs for
                             e-signatures become trust anchors, qualified as their service says;
                             \`bundled\`: the Serbian list shipped in fixtures/real-pki, with its signer
                             (EGOV_TRUSTED_LIST)
  --trusted-list-signer <file>  the certificate (PEM or DER) the list's signature must carry; required
                             with a list file (EGOV_TRUSTED_LIST_SIGNER)
  --qualified-policy <oid>   accept certificates with this qualified policy; repeatable, required
                             with --trust-anchor (EGOV_QUALIFIED_POLICIES, comma-separated)
  --crl <file|dir>           revocation lists (PEM or DER; a directory: every .crl/.pem file in it),
                             re-read on a schedule and when a list has passed its nextUpdate;
                             revocation is checked and fails closed; repeatable (EGOV_CRLS, comma-separated)
  --crl-refresh-minutes <n>  re-read the --crl files this often (EGOV_CRL_REFRESH_MINUTES;
                             default ${DEFAULT_CRL_REFRESH_MS / 60_000}, 1 to 1440)
  --revocation <crl|off>     check revocation (EGOV_REVOCATION; default crl). --trust-anchor or
                             --trusted-list without any --crl does not start unless this is off
  --ocsp <on|off>            also ask the OCSP responder a certificate names (EGOV_OCSP; default on
                             with --revocation crl): revoked by it refuses, and a good answer stands
                             in for a missing list
  --authentication-certificates  also log in with a card's authentication certificate (not
                             qualified) at acr substantial (EGOV_AUTHENTICATION_CERTIFICATES=1)
  --certificate-origin <o>   the origin signatures must bind (EGOV_CERTIFICATE_ORIGIN; default:
                             the site URL's origin)
  --certificate-registration-review   certificate registrations wait for the reviewer after
                             confirming (EGOV_CERTIFICATE_REGISTRATION_REVIEW=1)
  --help                     show this text
`;

export interface ServerCommand {
  port: number;
  host: string;
  options: MockServerOptions;
  help: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parseBoolean(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new UsageError(`${name} must be true or false, not ${JSON.stringify(value)}`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new UsageError(`invalid port ${JSON.stringify(value)}`);
  return port;
}

/** A whole number from a flag or variable; undefined when not given. Ranges are checked by the server. */
function parseCount(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,12}$/.test(value)) throw new UsageError(`${name} must be a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

function parseSameSite(value: string | undefined): SameSite | undefined {
  if (value === undefined || value === '') return undefined;
  const match = (['Lax', 'Strict', 'None'] as const).find((v) => v.toLowerCase() === value.toLowerCase());
  if (!match) throw new UsageError(`cookie SameSite must be Lax, Strict or None, not ${JSON.stringify(value)}`);
  return match;
}

/** Reads the data-directory options shared by the server and the seed command. */
export function storeLocation(values: { 'data-dir'?: string; 'db-url'?: string }, env: NodeJS.ProcessEnv) {
  const dbUrl = values['db-url'] ?? (env.EGOV_DB_URL || undefined);
  const dataDir = resolve(values['data-dir'] ?? (env.EGOV_DATA_DIR || DEFAULT_DATA_DIR));
  return dbUrl ? { dbUrl } : { dataDir };
}

/** A comma-separated list from an environment variable. */
function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function fileError(what: string, path: string, error: unknown): UsageError {
  return new UsageError(`${what} ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

/** The text of PEM files named by flags (trust anchors); an unreadable one is a usage error. */
function readTextFiles(what: string, paths: readonly string[]): string[] {
  return paths.map((path) => {
    try {
      return readFileSync(resolve(path), 'utf8');
    } catch (error) {
      throw fileError(what, path, error);
    }
  });
}

/** Files or directories named by flags, absolute (the server reads them again later); a missing one is a usage error. */
function existingPaths(what: string, paths: readonly string[]): string[] {
  return paths.map((path) => {
    try {
      statSync(resolve(path));
      return resolve(path);
    } catch (error) {
      throw fileError(what, path, error);
    }
  });
}

/** A certificate file, PEM (as text) or DER (as bytes). */
function readCertificateFile(what: string, path: string): string | Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(path));
  } catch (error) {
    throw fileError(what, path, error);
  }
  return bytes.toString('latin1').includes('-----BEGIN') ? bytes.toString('utf8') : new Uint8Array(bytes);
}

/** `--trusted-list` with `--trusted-list-signer`, or `bundled` (the shipped Serbian list with its pinned signer). */
function readTrustedListFlags(listPath: string | undefined, signerPath: string | undefined): { xml: Uint8Array; signer: string | Uint8Array } | undefined {
  if (listPath === undefined || listPath === '') {
    if (signerPath) throw new UsageError('--trusted-list-signer needs --trusted-list');
    return undefined;
  }
  const bundled = listPath === 'bundled';
  const signer = signerPath || (bundled ? fileURLToPath(BUNDLED_TRUSTED_LIST.signer) : undefined);
  if (!signer) throw new UsageError('--trusted-list needs --trusted-list-signer: the certificate its signature must carry, obtained out of band');
  const file = bundled ? fileURLToPath(BUNDLED_TRUSTED_LIST.list) : listPath;
  let xml: Uint8Array;
  try {
    xml = new Uint8Array(readFileSync(resolve(file)));
  } catch (error) {
    throw fileError('--trusted-list', file, error);
  }
  return { xml, signer: readCertificateFile('--trusted-list-signer', signer) };
}

function parseOnOff(what: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'on' || value === 'off') return value === 'on';
  throw new UsageError(`${what} must be on or off, not ${JSON.stringify(value)}`);
}

function parseRevocation(value: string | undefined): 'crl' | 'off' | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 'crl' || value === 'off') return value;
  throw new UsageError(`--revocation must be crl or off, not ${JSON.stringify(value)}`);
}

/** `pnpm start -- --dev` passes the `--` on; it separates nothing here. */
export function withoutSeparator(argv: readonly string[]): string[] {
  return argv[0] === '--' ? argv.slice(1) : [...argv];
}

/** Command-line flags win over EGOV_* environment variables, which win over defaults. */
export function parseServerCommand(argv: readonly string[], env: NodeJS.ProcessEnv): ServerCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'db-url': { type: 'string' },
        'base-path': { type: 'string' },
        'allowed-origin': { type: 'string', multiple: true },
        'public-url': { type: 'string' },
        'cookie-secure': { type: 'string' },
        'cookie-same-site': { type: 'string' },
        dev: { type: 'boolean' },
        'dev-token': { type: 'string' },
        'reviewer-token': { type: 'string' },
        'trusted-proxy': { type: 'string', multiple: true },
        'server-name': { type: 'string', multiple: true },
        'site-url': { type: 'string' },
        'confirm-email-path': { type: 'string' },
        'reset-password-path': { type: 'string' },
        'login-path': { type: 'string' },
        'link-locale-param': { type: 'string' },
        'password-min-length': { type: 'string' },
        'password-guess-budget': { type: 'string' },
        'upload-max-files': { type: 'string' },
        'upload-max-bytes': { type: 'string' },
        'uploads-dir': { type: 'string' },
        'pending-uploads-quota': { type: 'string' },
        'abandoned-hours': { type: 'string' },
        'trust-anchor': { type: 'string', multiple: true },
        intermediate: { type: 'string', multiple: true },
        'qualified-policy': { type: 'string', multiple: true },
        'trusted-list': { type: 'string' },
        'trusted-list-signer': { type: 'string' },
        crl: { type: 'string', multiple: true },
        'crl-refresh-minutes': { type: 'string' },
        revocation: { type: 'string' },
        ocsp: { type: 'string' },
        'authentication-certificates': { type: 'boolean' },
        'certificate-origin': { type: 'string' },
        'certificate-registration-review': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values;
  const allowedOrigins =
    values['allowed-origin'] ??
    (env.EGOV_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  const devEnabled = values.dev ?? parseBoolean('EGOV_DEV', env.EGOV_DEV) ?? false;
  const devToken = values['dev-token'] ?? (env.EGOV_DEV_TOKEN || undefined);
  const minLength = parseCount('--password-min-length', values['password-min-length'] ?? env.EGOV_PASSWORD_MIN_LENGTH);
  const guessBudget = parseCount('--password-guess-budget', values['password-guess-budget'] ?? env.EGOV_PASSWORD_GUESS_BUDGET);
  const maxFiles = parseCount('--upload-max-files', values['upload-max-files'] ?? env.EGOV_UPLOAD_MAX_FILES);
  const maxFileBytes = parseCount('--upload-max-bytes', values['upload-max-bytes'] ?? env.EGOV_UPLOAD_MAX_BYTES);
  const abandonedHours = parseCount('--abandoned-hours', values['abandoned-hours'] ?? env.EGOV_ABANDONED_HOURS);
  const uploadQuota = parseCount('--pending-uploads-quota', values['pending-uploads-quota'] ?? env.EGOV_PENDING_UPLOADS_QUOTA);
  const uploadsDir = values['uploads-dir'] ?? (env.EGOV_UPLOADS_DIR || undefined);
  const trustAnchors = readTextFiles('--trust-anchor', values['trust-anchor'] ?? list(env.EGOV_TRUST_ANCHORS));
  const intermediates = readTextFiles('--intermediate', values.intermediate ?? list(env.EGOV_INTERMEDIATES));
  const trustedList = readTrustedListFlags(values['trusted-list'] ?? env.EGOV_TRUSTED_LIST, values['trusted-list-signer'] ?? env.EGOV_TRUSTED_LIST_SIGNER);
  const crlPaths = existingPaths('--crl', values.crl ?? list(env.EGOV_CRLS));
  const crlRefreshMinutes = parseCount('--crl-refresh-minutes', values['crl-refresh-minutes'] ?? env.EGOV_CRL_REFRESH_MINUTES);
  const revocation = parseRevocation(values.revocation ?? env.EGOV_REVOCATION);
  const ocsp = parseOnOff('--ocsp', values.ocsp ?? env.EGOV_OCSP);
  const authenticationCertificates =
    values['authentication-certificates'] ?? parseBoolean('EGOV_AUTHENTICATION_CERTIFICATES', env.EGOV_AUTHENTICATION_CERTIFICATES);
  const qualifiedPolicies = values['qualified-policy'] ?? list(env.EGOV_QUALIFIED_POLICIES);
  const certificateOrigin = values['certificate-origin'] ?? (env.EGOV_CERTIFICATE_ORIGIN || undefined);
  const registrationReview =
    values['certificate-registration-review'] ?? parseBoolean('EGOV_CERTIFICATE_REGISTRATION_REVIEW', env.EGOV_CERTIFICATE_REGISTRATION_REVIEW);
  return {
    help: values.help ?? false,
    port: parsePort(values.port ?? (env.EGOV_PORT || String(DEFAULT_PORT))),
    host: values.host ?? (env.EGOV_HOST || DEFAULT_HOST),
    options: {
      ...storeLocation(values, env),
      basePath: values['base-path'] ?? (env.EGOV_BASE_PATH || DEFAULT_BASE_PATH),
      allowedOrigins,
      publicUrl: values['public-url'] ?? (env.EGOV_PUBLIC_URL || undefined),
      trustedProxies: values['trusted-proxy'] ?? list(env.EGOV_TRUSTED_PROXIES),
      serverNames: values['server-name'] ?? list(env.EGOV_SERVER_NAMES),
      cookieSecure: parseBoolean('--cookie-secure', values['cookie-secure'] ?? env.EGOV_COOKIE_SECURE),
      cookieSameSite: parseSameSite(values['cookie-same-site'] ?? env.EGOV_COOKIE_SAME_SITE),
      dev: { enabled: devEnabled, token: devToken },
      reviewerToken: values['reviewer-token'] ?? (env.EGOV_REVIEWER_TOKEN || undefined),
      siteUrl: values['site-url'] ?? (env.EGOV_SITE_URL || undefined),
      confirmEmailPath: values['confirm-email-path'] ?? (env.EGOV_CONFIRM_EMAIL_PATH || undefined),
      resetPasswordPath: values['reset-password-path'] ?? (env.EGOV_RESET_PASSWORD_PATH || undefined),
      loginPath: values['login-path'] ?? (env.EGOV_LOGIN_PATH || undefined),
      linkLocaleParam: values['link-locale-param'] ?? env.EGOV_LINK_LOCALE_PARAM,
      ...(minLength === undefined ? {} : { passwordPolicy: { minLength } }),
      ...(guessBudget === undefined ? {} : { throttle: { guessCap: { maxFailures: guessBudget } } }),
      ...(maxFiles === undefined && maxFileBytes === undefined
        ? {}
        : {
            uploads: {
              ...(maxFiles === undefined ? {} : { maxFiles }),
              ...(maxFileBytes === undefined ? {} : { maxFileBytes }),
            },
          }),
      ...(uploadsDir === undefined ? {} : { uploadsDir: resolve(uploadsDir) }),
      ...(uploadQuota === undefined ? {} : { pendingUploadQuotaBytes: uploadQuota }),
      ...(abandonedHours === undefined ? {} : { abandonedRegistrationMs: abandonedHours * 3_600_000 }),
      certificates: {
        ...(trustAnchors.length > 0 ? { trustAnchors } : {}),
        ...(intermediates.length > 0 ? { intermediates } : {}),
        ...(trustedList ? { trustedList } : {}),
        ...(qualifiedPolicies.length > 0 ? { qualifiedPolicies } : {}),
        ...(crlPaths.length > 0 ? { crlPaths } : {}),
        ...(crlRefreshMinutes === undefined ? {} : { crlRefreshMs: crlRefreshMinutes * 60_000 }),
        ...(revocation === undefined ? {} : { revocation }),
        ...(ocsp === undefined ? {} : { ocsp }),
        ...(authenticationCertificates === undefined ? {} : { authenticationCertificates }),
        ...(certificateOrigin === undefined ? {} : { origin: certificateOrigin }),
      },
      ...(registrationReview === undefined ? {} : { certificateRegistrationReview: registrationReview }),
    },
  };
}
