import type { CertificateProof } from '@egov/auth-widgets/contract';
import { HttpError } from '../http.ts';
import type { RequestContext } from '../services.ts';
import type { ThrottleKey } from '../throttle.ts';
import { certificateThrottleKey, countsPerAddress } from '../throttle-keys.ts';
import type { BodyValidator } from '../validation.ts';
import { PROOF_LIMITS, refuse, type VerifiedCertificate } from './proof-verifier.ts';
import type { CertificateService } from './settings.ts';

/** The fields of a CertificateProof. */
export const PROOF_FIELDS: readonly string[] = Object.freeze(['format', 'certificate', 'chain', 'algorithm', 'signature', 'nonce']);

/** Longest `format`, `algorithm` or `nonce` string that is judged rather than refused as too long. */
const SHORT_FIELD_MAX = 256;

/**
 * Reads a proof's shape: which fields, of which type. Their values (format,
 * algorithm, encodings, sizes) are judged by the verifier, after the nonce
 * was taken, each with its own error code.
 */
export function readProof(validator: BodyValidator): CertificateProof | undefined {
  const format = validator.text('format', { required: true, maxLength: SHORT_FIELD_MAX });
  const certificate = validator.text('certificate', { required: true, maxLength: PROOF_LIMITS.bodyMaxBytes });
  const chain = validator.strings('chain');
  const algorithm = validator.text('algorithm', { required: true, maxLength: SHORT_FIELD_MAX });
  const signature = validator.text('signature', { required: true, maxLength: PROOF_LIMITS.bodyMaxBytes });
  const nonce = validator.text('nonce', { required: true, maxLength: SHORT_FIELD_MAX });
  if (format === undefined || certificate === undefined || algorithm === undefined || signature === undefined || nonce === undefined) return undefined;
  return {
    format: format as CertificateProof['format'],
    certificate,
    ...(chain ? { chain } : {}),
    algorithm: algorithm as CertificateProof['algorithm'],
    signature,
    nonce,
  };
}

/** The services of a server with certificate support (the routes exist only then). */
export function certificateService(context: RequestContext): CertificateService {
  const service = context.services.certificates;
  if (!service) throw new HttpError(501, 'not_implemented');
  return service;
}

function throttleKeys(context: RequestContext): ThrottleKey[] {
  const { ip } = context.services.throttlePolicies;
  return ip && countsPerAddress(context) ? [{ key: certificateThrottleKey(context.clientKey), policy: ip }] : [];
}

/**
 * Refuses (429) a client address with too many failed certificate proofs;
 * checked before the body is read. An admitted proof counts as a failure
 * at once (in the same step as the check, so parallel proofs cannot all
 * pass it) until `takeAndVerify` verifies it.
 */
export async function checkProofThrottle(context: RequestContext, operation: 'login' | 'registration'): Promise<void> {
  const keys = throttleKeys(context);
  if (keys.length === 0) return;
  const gate = await context.services.throttle.hit(keys);
  if (gate.allowed) return;
  context.services.log.auth(
    operation === 'login' ? 'login_throttled' : 'request_throttled',
    { kind: `certificate_${operation}`, retryAfter: gate.retryAfterSeconds, ip: context.clientKey, requestId: context.requestId },
    'warn',
  );
  throw new HttpError(429, 'throttled', { retryAfter: gate.retryAfterSeconds });
}

export interface VerifiedProof extends VerifiedCertificate {
  /** The identity's keyed hash: the account key. */
  key: string;
  /** A short fingerprint of it, for logs. */
  fingerprint: string;
}

/**
 * The protocol's server side for one proof: the nonce is taken out of the
 * store first (so it is used up whatever follows), then the proof is
 * verified against the configured origin. A refusal stays counted against
 * the client address (`checkProofThrottle` counted it) and is logged with
 * its code only; a verified proof gives the count back.
 */
export async function takeAndVerify(context: RequestContext, proof: CertificateProof, operation: 'login' | 'registration'): Promise<VerifiedProof> {
  const { services, session, clientKey, requestId } = context;
  const certificates = certificateService(context);
  try {
    if (!(await certificates.challenges.take(proof.nonce, session))) throw refuse('challenge_invalid');
    const verified = await (await certificates.verifier()).verify(proof, certificates.origin());
    // An account is made with the qualified certificate only; an authentication certificate may only log in (where allowed).
    if (operation === 'registration' && verified.acr !== 'high') throw refuse('certificate_key_usage');
    const key = certificates.identityKey(verified.identity);
    await services.throttle.forgive(throttleKeys(context));
    return { ...verified, key, fingerprint: key.slice(0, 19) };
  } catch (error) {
    if (error instanceof HttpError) {
      services.log.auth(
        operation === 'login' ? 'login_failed' : 'registration_refused',
        { kind: `certificate_${operation}`, outcome: error.code, ip: clientKey, requestId },
        'warn',
      );
    }
    throw error;
  }
}
