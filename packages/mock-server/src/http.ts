import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CsrfFailureCause, DocumentType, ErrorBody, ErrorCode, FieldErrorCode } from '@egov/auth-widgets/contract';

/** Headers on every API response (SECURITY.md 23). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
});

export interface HttpErrorDetails {
  /** Why, for `csrf_failed`: tells the site's developers whether the session cookie came at all. */
  cause?: CsrfFailureCause;
  fields?: Record<string, FieldErrorCode>;
  retryAfter?: number;
  reason?: string;
  /** The accepted document types, when a file was refused for its type. */
  acceptedTypes?: DocumentType[];
  /** Extra response headers, e.g. `Allow` for 405. */
  headers?: Record<string, string>;
  /** Close the connection after answering (the request body was not read to the end). */
  closeConnection?: boolean;
}

/** A contract error: thrown anywhere in a handler, answered as `{ error: { code, … } }`. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: HttpErrorDetails;

  constructor(status: number, code: ErrorCode, details: HttpErrorDetails = {}) {
    super(code);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  body(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code };
    if (this.details.cause !== undefined) error.cause = this.details.cause;
    if (this.details.fields) error.fields = this.details.fields;
    if (this.details.retryAfter !== undefined) error.retryAfter = this.details.retryAfter;
    if (this.details.reason !== undefined) error.reason = this.details.reason;
    if (this.details.acceptedTypes !== undefined) error.acceptedTypes = this.details.acceptedTypes;
    return { error };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', payload.length);
  res.end(payload);
}

export function sendNoContent(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.statusCode = 204;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end();
}

export function sendError(res: ServerResponse, error: HttpError): void {
  if (error.details.closeConnection) res.setHeader('Connection', 'close');
  const headers = { ...error.details.headers };
  if (error.details.retryAfter !== undefined) headers['Retry-After'] = String(error.details.retryAfter);
  sendJson(res, error.status, error.body(), headers);
}

/** True when the request announces a body (a length above zero, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return length !== '0';
  return req.headers['transfer-encoding'] !== undefined;
}

/** `application/json`, optionally with `charset=utf-8`; anything else is refused before reading. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => {
    const [name, value] = param.split('=').map((s) => s.trim());
    return name !== 'charset' || value === 'utf-8' || value === '"utf-8"' || value === 'utf8';
  });
}

/**
 * Reads a JSON body of at most `maxBytes`, refusing the wrong content type
 * (415), an oversize body (413: reading stops there) and malformed or
 * non-UTF-8 JSON (400). The result is whatever JSON value was sent.
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new HttpError(415, 'unsupported_media_type', { closeConnection: hasBody(req) });
  }
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    throw new HttpError(413, 'payload_too_large', { closeConnection: true });
  }
  const raw = await readLimited(req, maxBytes);
  let textValue: string;
  try {
    textValue = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new HttpError(400, 'bad_request');
  }
  if (textValue.trim() === '') throw new HttpError(400, 'bad_request');
  try {
    return JSON.parse(textValue) as unknown;
  } catch {
    // The parser's message quotes the input, which may hold a password: not logged, not echoed.
    throw new HttpError(400, 'bad_request');
  }
}

function readLimited(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | null, value?: Buffer) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (error) reject(error);
      else resolve(value!);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        // Stop reading: what arrives from now on is discarded, and the connection closes after the answer.
        req.resume();
        finish(new HttpError(413, 'payload_too_large', { closeConnection: true }));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(null, Buffer.concat(chunks, size));
    // The client went away mid-body: nobody is left to answer, and it is not a server fault.
    const onError = () => finish(new HttpError(400, 'bad_request', { closeConnection: true }));
    const onAborted = onError;
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/** Reads an optional JSON body: none at all is `undefined`, otherwise as `readJsonBody`. */
export async function readOptionalJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  return readJsonBody(req, maxBytes);
}

/**
 * Reads and throws away what is left of a request body — at most `maxBytes`
 * and for at most `timeoutMs` — so the client, still sending, can read the
 * error answer instead of failing on a connection closed under it (an HTTP
 * client writing a large upload sees EPIPE or a reset otherwise). Nothing
 * of it is parsed or kept. Resolves true when the body was read to its end.
 */
export function discardRequestBody(req: IncomingMessage, limits: { maxBytes: number; timeoutMs: number }): Promise<boolean> {
  if (req.complete || req.readableEnded) return Promise.resolve(true);
  if (req.destroyed) return Promise.resolve(false);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) return Promise.resolve(false);
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (ended: boolean) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limits.maxBytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(req.complete);
    const timer = setTimeout(() => finish(false), limits.timeoutMs);
    timer.unref();
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
    req.resume();
  });
}
