/**
 * Certificate revocation lists that stay current. Files and directories are
 * read at startup and again on a schedule of the injected clock (at the
 * first check after each interval), and at once when a check finds an
 * issuer's newest list past its nextUpdate — at most once a minute per
 * source, so logins cannot make the server read its files continuously.
 * Lists are only ever added: an issuer's newest list (by CRL number, else
 * thisUpdate) is the one relied on, so a list older than one already read
 * is a rollback and changes nothing. Each list is verified with its
 * issuer's key and the list's own signature algorithm.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { GeneralName, IssuingDistributionPoint, Name, type DistributionPointName } from '@peculiar/asn1-x509';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fromPem } from '../pem.ts';
import { issuerCommonName } from './identity.ts';
import { OID } from './oids.ts';
import { fingerprint, sameName, x509 } from '../x509.ts';

/** Lists are re-read this often by default (`--crl-refresh-minutes`). */
export const DEFAULT_CRL_REFRESH_MS = 60 * 60_000;
export const MIN_CRL_REFRESH_MS = 60_000;
export const MAX_CRL_REFRESH_MS = 24 * 60 * 60_000;
/** A source is re-read because a list expired at most this often. */
export const EXPIRED_REREAD_MS = 60_000;
/** Lists kept per issuer name (newest first); older ones are dropped. */
const MAX_LISTS_PER_ISSUER = 8;
/** In a directory, the files that are read. */
const LIST_FILE = /\.(crl|pem)$/i;

/** CRL extensions (RFC 5280 5.2). */
const CRL_EXTENSION = { crlNumber: '2.5.29.20', deltaCrlIndicator: '2.5.29.27', issuingDistributionPoint: '2.5.29.28' } as const;

/** Why a parsed list cannot be relied on, or null. A delta or partitioned list is not the CA's full list. */
function unusable(crl: x509.X509Crl): string | null {
  if (!crl.nextUpdate) return 'it has no nextUpdate, so it can never be current';
  for (const extension of crl.extensions) {
    if (extension.type === CRL_EXTENSION.deltaCrlIndicator) return 'it is a delta list: give the CA’s full list';
    if (extension.type === CRL_EXTENSION.issuingDistributionPoint) {
      const scope = scopeOf(crl);
      if (typeof scope === 'string') return scope;
      continue;
    }
    if (extension.critical && extension.type !== CRL_EXTENSION.crlNumber) return `it has a critical extension ${extension.type} the checks do not understand`;
  }
  return null;
}

/**
 * What certificates a list with an issuing distribution point covers (RFC
 * 5280 5.2.5, 6.3.3 b.2): only end-entity or only CA certificates, and —
 * when it names a distribution point — only certificates whose CRL
 * distribution points name the same one (a CA that publishes one list per
 * distribution point, as Microsoft CAs write them). A list partitioned by
 * reason, an indirect list, one for attribute certificates, or one whose
 * point is named relative to its issuer is a string: the problem (such a
 * list is refused, and the CA's full lists are needed).
 */
interface ListScope {
  onlyEndEntities: boolean;
  onlyCas: boolean;
  /** DER (hex) of each GeneralName of the point's fullName; null when it names none. */
  points: ReadonlySet<string> | null;
}

const scopes = new WeakMap<x509.X509Crl, ListScope | string | null>();

function scopeOf(crl: x509.X509Crl): ListScope | string | null {
  if (scopes.has(crl)) return scopes.get(crl)!;
  let scope: ListScope | string | null = null;
  const extension = crl.getExtension(CRL_EXTENSION.issuingDistributionPoint);
  if (extension) {
    try {
      const point = AsnConvert.parse(extension.value, IssuingDistributionPoint);
      if (point.onlySomeReasons) scope = 'it is partitioned by revocation reason (issuing distribution point): give the CA’s full list';
      else if (point.indirectCRL) scope = 'it is an indirect list: give the list the CA itself signs';
      else if (point.onlyContainsAttributeCerts) scope = 'it is a list of attribute certificates';
      else {
        const names = pointNames(point.distributionPoint, crl.issuerName);
        scope = {
          onlyEndEntities: point.onlyContainsUserCerts,
          onlyCas: point.onlyContainsCACerts,
          points: names ? new Set(names.map(generalNameKey)) : null,
        };
      }
    } catch {
      scope = 'its issuing distribution point does not parse';
    }
  }
  scopes.set(crl, scope);
  return scope;
}

/** A distribution point's names: its full name, or its name relative to the list's issuer made whole (RFC 5280 4.2.1.13). */
function pointNames(point: DistributionPointName | undefined, issuer: x509.Name): GeneralName[] | null {
  if (!point) return null;
  if (point.fullName) return point.fullName;
  if (!point.nameRelativeToCRLIssuer) return null;
  const base = AsnConvert.parse(issuer.toArrayBuffer(), Name);
  return [new GeneralName({ directoryName: new Name([...base, point.nameRelativeToCRLIssuer]) })];
}

function generalNameKey(name: GeneralName): string {
  return Buffer.from(AsnConvert.serialize(name)).toString('hex');
}

/** Whether a list's scope takes in `certificate` (a list without an issuing distribution point takes in all). */
function covers(crl: x509.X509Crl, certificate: x509.X509Certificate): boolean {
  const scope = scopeOf(crl);
  if (scope === null) return true;
  if (typeof scope === 'string') return false;
  const isCa = certificate.getExtension(x509.BasicConstraintsExtension)?.ca === true;
  if ((scope.onlyEndEntities && isCa) || (scope.onlyCas && !isCa)) return false;
  if (!scope.points) return true;
  // The certificate's own points: each distribution point's names (relative ones under its issuer), else (no point) its CRL issuer.
  const own = certificate.getExtension(x509.CRLDistributionPointsExtension)?.distributionPoints ?? [];
  return own.some((point) =>
    (point.distributionPoint ? (pointNames(point.distributionPoint, certificate.issuerName) ?? []) : (point.cRLIssuer ?? [])).some((name) => scope.points!.has(generalNameKey(name))),
  );
}

/** The list's CRL number (a DER INTEGER), or null when it has none. */
function crlNumber(crl: x509.X509Crl): bigint | null {
  const extension = crl.getExtension(CRL_EXTENSION.crlNumber);
  if (!extension) return null;
  const der = new Uint8Array(extension.value);
  if (der[0] !== 0x02 || der.length < 3 || der[1]! >= 0x80 || der[1] !== der.length - 2) throw new Error('CRL number');
  return BigInt(`0x${Buffer.from(der.subarray(2)).toString('hex')}`);
}

/** The DER element at `offset` of `der`: its tag, and where its contents start and end. Throws when it does not fit. */
function derElement(der: Uint8Array, offset: number): { tag: number; start: number; end: number } {
  if (offset + 2 > der.length) throw new Error('DER element');
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let start = offset + 2;
  if (length >= 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > der.length) throw new Error('DER length');
    length = 0;
    for (let index = 0; index < count; index += 1) length = length * 256 + der[start + index]!;
    start += count;
  }
  if (start + length > der.length) throw new Error('DER length');
  return { tag, start, end: start + length };
}

/** The value of the DER INTEGER at `offset` (two's complement: PKITS and real CAs have negative serials). */
function integerAt(der: Uint8Array, offset: number): bigint {
  const element = derElement(der, offset);
  if (element.tag !== 0x02 || element.end === element.start) throw new Error('DER INTEGER');
  const content = der.subarray(element.start, element.end);
  const value = BigInt(`0x${Buffer.from(content).toString('hex')}`);
  return content[0]! >= 0x80 ? value - (1n << BigInt(content.length * 8)) : value;
}

/** A certificate's serial number as a number: the INTEGER after tbsCertificate's optional [0] version. */
export function serialValue(certificate: x509.X509Certificate): bigint {
  const der = new Uint8Array(certificate.rawData);
  const tbs = derElement(der, derElement(der, 0).start);
  const first = derElement(der, tbs.start);
  return integerAt(der, first.tag === 0xa0 ? first.end : tbs.start);
}

/** Each list's entries by serial-number value, built once per list. */
const entriesBySerial = new WeakMap<x509.X509Crl, ReadonlyMap<bigint, x509.X509CrlEntry>>();

function revokedBySerial(crl: x509.X509Crl): ReadonlyMap<bigint, x509.X509CrlEntry> {
  let bySerial = entriesBySerial.get(crl);
  if (!bySerial) {
    const map = new Map<bigint, x509.X509CrlEntry>();
    for (const entry of crl.entries) {
      const value = integerAt(new Uint8Array(entry.rawData), derElement(new Uint8Array(entry.rawData), 0).start);
      if (!map.has(value)) map.set(value, entry);
    }
    bySerial = map;
    entriesBySerial.set(crl, bySerial);
  }
  return bySerial;
}

/**
 * The list's entry for `certificate`, or null: serial numbers compared as
 * integers (RFC 5280 5.3 / 6.3.3). Not @peculiar/x509's `findRevoked` with
 * the certificate's hex serial: that hex drops the sign, and the lookup
 * re-encodes it as a positive integer, so a certificate with a negative
 * serial number (PKITS 4.4.15: serial -1, DER `ff`) was never found on its
 * CA's list and a revoked certificate was accepted.
 */
export function revokedEntry(crl: x509.X509Crl, certificate: x509.X509Certificate): x509.X509CrlEntry | null {
  return revokedBySerial(crl).get(serialValue(certificate)) ?? null;
}

/**
 * The lists in a text or DER input — PEM (`X509 CRL` as RFC 7468 says, or
 * `CRL` as some tools write) or one DER list; RangeError naming `what` when
 * it holds none, or one that does not parse or cannot be relied on.
 */
export function parseCrls(input: string | Uint8Array, what: string): x509.X509Crl[] {
  const bytes = typeof input === 'string' ? null : Buffer.from(input);
  const text = bytes === null ? (input as string) : bytes.includes('-----BEGIN ') ? bytes.toString('utf8') : null;
  const blocks = text === null ? [input as Uint8Array] : ['X509 CRL', 'CRL'].flatMap((label) => fromPem(text, label));
  if (blocks.length === 0) throw new RangeError(`${what}: no PEM block "X509 CRL" in it`);
  return blocks.map((block) => {
    let crl: x509.X509Crl;
    try {
      // A national CA's list holds tens of thousands of entries: the parser's default limit (10 000 ASN.1
      // nodes, about 3 000 entries) would refuse it. Every node takes at least two bytes, so this bounds nothing
      // the bytes do not already bound (and a list is a file the operator configured, not a request).
      crl = new x509.X509Crl(block, { berOptions: { maxNodes: Math.max(10_000, block.length) } });
      void crl.issuerName.toJSON();
      if (Number.isNaN(crl.thisUpdate.getTime()) || Number.isNaN(crl.nextUpdate?.getTime() ?? 0)) throw new Error('dates');
      crlNumber(crl);
      // Every entry's serial number reads (revokedEntry relies on it).
      revokedBySerial(crl);
    } catch {
      throw new RangeError(`${what}: not a parsable revocation list`);
    }
    const problem = unusable(crl);
    if (problem) throw new RangeError(`${what}: ${problem}`);
    return crl;
  });
}

/** A RangeError's message (it names the file already), or the file and the system's error code. */
function problemOf(path: string, error: unknown): string {
  if (error instanceof RangeError) return error.message;
  return `revocation lists ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
}

/**
 * Reads a `--crl` source at startup: a file, or every `.crl`/`.pem` file of a
 * directory. Any problem is a RangeError (the server does not start).
 */
export function readCrlSourceSync(path: string): x509.X509Crl[] {
  try {
    const files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => LIST_FILE.test(name))
          .sort()
          .map((name) => join(path, name))
      : [path];
    if (files.length === 0) throw new RangeError(`revocation lists ${JSON.stringify(path)}: no .crl or .pem file in the directory`);
    return files.flatMap((file) => parseCrls(new Uint8Array(readFileSync(file)), `revocation list ${JSON.stringify(file)}`));
  } catch (error) {
    throw new RangeError(problemOf(path, error));
  }
}

/** Re-reads a source: the lists of every file that reads, and a problem per file that does not. Never throws. */
async function readCrlSource(path: string): Promise<{ lists: x509.X509Crl[]; problems: Map<string, string> }> {
  const lists: x509.X509Crl[] = [];
  const problems = new Map<string, string>();
  let files: string[];
  try {
    files = (await stat(path)).isDirectory() ? (await readdir(path)).filter((name) => LIST_FILE.test(name)).map((name) => join(path, name)) : [path];
  } catch (error) {
    problems.set(path, problemOf(path, error));
    return { lists, problems };
  }
  for (const file of files) {
    try {
      lists.push(...parseCrls(new Uint8Array(await readFile(file)), `revocation list ${JSON.stringify(file)}`));
    } catch (error) {
      problems.set(file, problemOf(file, error));
    }
  }
  return { lists, problems };
}

/**
 * Whether `issuer` signed the list: same name, allowed to sign lists (keyUsage
 * cRLSign when present), and the signature verifies. The key is handed over
 * as a public key so it is imported for the list's own signature algorithm:
 * given the certificate, @peculiar/x509 imports the key with the algorithm of
 * the certificate's own signature — made by the issuer's issuer — and an
 * ECDSA CA under an RSA root then never verifies a list.
 */
export async function listSignedBy(crl: x509.X509Crl, issuer: x509.X509Certificate): Promise<boolean> {
  if (!sameName(crl.issuerName, issuer.subjectName)) return false;
  const usage = issuer.getExtension(x509.KeyUsagesExtension);
  if (usage && (usage.usages & x509.KeyUsageFlags.cRLSign) === 0) return false;
  try {
    return await crl.verify({ publicKey: issuer.publicKey });
  } catch {
    return false;
  }
}

/** One operator warning: the CA's name (not personal data) and what happened and what to do. */
export type RevocationLogger = (event: string, fields: { issuer?: string; kind: string }) => void;

/** Lists read from a `--crl` file or directory at startup. */
export interface CrlSourceLists {
  path: string;
  lists: readonly x509.X509Crl[];
}

/** Lists that are never re-read (given as text, or the test PKI's), and where an operator would put a newer one. */
export interface FixedLists {
  where: string;
  lists: readonly x509.X509Crl[];
}

interface HeldList {
  crl: x509.X509Crl;
  hash: string;
  number: bigint | null;
  /** Where a current list would go: the `--crl` source it came from, or a fixed list's `where`. */
  where: string;
}

interface Source {
  path: string;
  /** Clock time of the last read (started); -Infinity before the first. */
  lastRead: number;
  reading: Promise<void> | null;
}

/** Positive when `a` is the newer list: by CRL number when both have one, else by thisUpdate. */
function newer(a: HeldList, b: HeldList): number {
  if (a.number !== null && b.number !== null && a.number !== b.number) return a.number > b.number ? 1 : -1;
  return a.crl.thisUpdate.getTime() - b.crl.thisUpdate.getTime();
}

function listLabel(held: HeldList): string {
  return `${held.crl.thisUpdate.toISOString()}${held.number === null ? '' : ` (number ${held.number})`}`;
}

function nameKey(name: x509.Name): string {
  return Buffer.from(name.toArrayBuffer()).toString('hex');
}

/**
 * Every revocation list the server holds, by issuer name, and the choice of
 * the one list a certificate's status is read from.
 */
export class RevocationLists {
  readonly #byIssuer = new Map<string, HeldList[]>();
  readonly #verified = new Map<string, Promise<boolean>>();
  readonly #sources: Source[];
  readonly #fixedWhere: string[];
  readonly #refreshMs: number;
  readonly #log: RevocationLogger;
  /** Clock time of the last scheduled re-read; the first check re-reads. */
  #lastRefresh = Number.NEGATIVE_INFINITY;
  /** Expiry and missing-list warnings already given: each once. */
  readonly #warned = new Set<string>();
  /** Each unreadable file's last problem, so a file that stays broken is reported once. */
  readonly #problems = new Map<string, string>();

  constructor(options: { sources: readonly CrlSourceLists[]; fixed: readonly FixedLists[]; refreshMs: number; log: RevocationLogger }) {
    this.#sources = options.sources.map((source) => ({ path: source.path, lastRead: Number.NEGATIVE_INFINITY, reading: null }));
    this.#fixedWhere = options.fixed.filter((fixed) => fixed.lists.length > 0).map((fixed) => fixed.where);
    this.#refreshMs = options.refreshMs;
    this.#log = options.log;
    for (const source of options.sources) for (const crl of source.lists) this.#add(crl, source.path, false);
    for (const fixed of options.fixed) for (const crl of fixed.lists) this.#add(crl, fixed.where, false);
  }

  /** Re-reads every file and directory source now (`now`: the injected clock's time). */
  async reload(now: number): Promise<void> {
    this.#lastRefresh = now;
    await this.#read(this.#sources, now);
  }

  /**
   * The list `certificate`'s status is read from: the newest list (in force
   * at `now`) that `issuer` signed, when it is still current; else null
   * (the caller fails closed), after re-reading the sources when due and
   * telling the operator once per issuer and expiry.
   */
  async current(certificate: x509.X509Certificate, issuer: x509.X509Certificate, now: number): Promise<x509.X509Crl | null> {
    if (now - this.#lastRefresh >= this.#refreshMs) await this.reload(now);
    let newest = await this.#newest(certificate, issuer, now);
    if (!newest || newest.crl.nextUpdate!.getTime() <= now) {
      const due = this.#sources.filter((source) => now - source.lastRead >= EXPIRED_REREAD_MS);
      if (due.length > 0) {
        await this.#read(due, now);
        newest = await this.#newest(certificate, issuer, now);
      }
    }
    if (newest && now < newest.crl.nextUpdate!.getTime()) return newest.crl;
    const ca = issuerCommonName(certificate);
    if (newest) {
      const nextUpdate = newest.crl.nextUpdate!.toISOString();
      this.#warnOnce(`expired ${fingerprint(issuer)} ${nextUpdate}`, 'revocation_list_expired', {
        issuer: ca,
        kind: `the revocation list of ${ca} expired at ${nextUpdate} (nextUpdate): its certificates are refused until a current list from ${ca} is put in ${newest.where}`,
      });
    } else {
      const unverified = (this.#byIssuer.get(nameKey(certificate.issuerName)) ?? []).length;
      const where = this.#sources.map((source) => source.path).concat(this.#fixedWhere).join(', ') || 'a --crl file or directory';
      this.#warnOnce(`missing ${fingerprint(issuer)}`, 'revocation_list_missing', {
        issuer: ca,
        kind: `no revocation list signed by ${ca}${unverified > 0 ? ` (${unverified} with its name did not verify with its key)` : ''}: its certificates are refused until its current list is put in ${where}`,
      });
    }
    return null;
  }

  /** The newest held list of the certificate's issuer that is in force at `now` and that `issuer` signed. */
  async #newest(certificate: x509.X509Certificate, issuer: x509.X509Certificate, now: number): Promise<HeldList | null> {
    for (const held of this.#byIssuer.get(nameKey(certificate.issuerName)) ?? []) {
      if (held.crl.thisUpdate.getTime() > now) continue;
      // A list for other certificates (another distribution point, only CAs or only end entities) says nothing of this one.
      if (!covers(held.crl, certificate)) continue;
      if (await this.#signedBy(held, issuer)) return held;
    }
    return null;
  }

  #signedBy(held: HeldList, issuer: x509.X509Certificate): Promise<boolean> {
    const key = `${held.hash} ${fingerprint(issuer)}`;
    let verified = this.#verified.get(key);
    if (!verified) {
      verified = listSignedBy(held.crl, issuer);
      this.#verified.set(key, verified);
    }
    return verified;
  }

  async #read(sources: readonly Source[], now: number): Promise<void> {
    await Promise.all(
      sources.map((source) => {
        if (!source.reading) {
          source.lastRead = now;
          source.reading = readCrlSource(source.path)
            .then(({ lists, problems }) => {
              for (const crl of lists) this.#add(crl, source.path, true);
              this.#report(source.path, problems);
            })
            .finally(() => {
              source.reading = null;
            });
        }
        return source.reading;
      }),
    );
  }

  /** Logs each file's new problem once; a file that reads again is forgotten. */
  #report(path: string, problems: ReadonlyMap<string, string>): void {
    for (const file of this.#problems.keys()) if ((file === path || file.startsWith(`${path}${sep}`)) && !problems.has(file)) this.#problems.delete(file);
    for (const [file, problem] of problems) {
      if (this.#problems.get(file) === problem) continue;
      this.#problems.set(file, problem);
      this.#log('revocation_list_unreadable', { kind: `${problem}; the lists read before stay in use` });
    }
  }

  /** Holds a list (once: by its hash), newest first per issuer name; a re-read list older than the newest is a rollback and only logged. */
  #add(crl: x509.X509Crl, where: string, reread: boolean): void {
    if (unusable(crl)) return;
    const key = nameKey(crl.issuerName);
    const held = this.#byIssuer.get(key) ?? [];
    const hash = createHash('sha256').update(Buffer.from(crl.rawData)).digest('hex');
    if (held.some((entry) => entry.hash === hash)) return;
    const entry: HeldList = { crl, hash, number: crlNumber(crl), where };
    const newest = held[0];
    held.push(entry);
    held.sort((a, b) => newer(b, a));
    for (const dropped of held.splice(MAX_LISTS_PER_ISSUER)) {
      for (const verified of this.#verified.keys()) if (verified.startsWith(`${dropped.hash} `)) this.#verified.delete(verified);
    }
    this.#byIssuer.set(key, held);
    if (reread && newest && newer(entry, newest) < 0) {
      const ca = crl.issuerName.getField(OID.commonName)[0] ?? crl.issuer;
      this.#log('revocation_list_rollback', {
        issuer: ca,
        kind: `a revocation list of ${ca} of ${listLabel(entry)} read from ${where} is older than the one already read (${listLabel(newest)}): ignored`,
      });
    }
  }

  #warnOnce(key: string, event: string, fields: { issuer: string; kind: string }): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    this.#log(event, fields);
  }
}
