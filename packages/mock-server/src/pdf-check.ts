/**
 * Structural inspection of an uploaded PDF (SECURITY.md 24; security
 * review issue 11): every object of the file is parsed with
 * @cantoo/pdf-lib's object parser — names with `#xx` escapes decoded,
 * object streams (compressed) expanded, every revision of an incrementally
 * updated file included — and every dictionary key and name value is
 * judged. Active content (scripts, actions other than a jump inside the
 * document, embedded files, multimedia, XFA) is refused, and so is a file
 * that cannot be inspected: encrypted, unparseable, or too costly to parse.
 *
 * Why not only the library's document view: a viewer finds objects
 * through the cross-reference offsets (or, when those are broken, by
 * scanning the file for `n g obj`), while pdf-lib reads the file from the
 * top. An object hidden inside another object's stream data, or in an
 * object stream that does not call itself one, is seen by one and not the
 * other. So every `n g obj` header anywhere in the file is parsed, every
 * stream that could serve as an object stream is expanded, and pdf-lib's
 * own reading of the document must succeed and have a page.
 *
 * Pure and synchronous in its parsing; the server runs it in a worker
 * thread (see document-check.ts), so a slow or huge file stalls no
 * request and pdf-lib's interned names do not pile up in the server.
 */
import {
  ParseSpeeds,
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
} from '@cantoo/pdf-lib';

/** The answer: stored, or refused with a short reason for the log (never shown to the client). */
export type PdfVerdict = { ok: true } | { ok: false; reason: string };

/** Limits that bound the work one file can cause. */
export const PDF_LIMITS = Object.freeze({
  /** Indirect objects (headers found in the file plus objects in object streams). */
  maxObjects: 250_000,
  /** Decoded bytes of one object or cross-reference stream. */
  maxStreamBytes: 16 * 1024 * 1024,
  /** Decoded bytes of all of them together. */
  maxDecodedBytes: 32 * 1024 * 1024,
});

/**
 * Names that are refused wherever they appear, as a dictionary key or as
 * a name value: scripts, additional (event-triggered) actions, every
 * action type that leaves the document or runs something, embedded and
 * attached files, multimedia, 3D, XFA forms, and encryption.
 */
const FORBIDDEN = [
  'JS',
  'JavaScript',
  'AA',
  'Launch',
  'SubmitForm',
  'ImportData',
  'ResetForm',
  'URI',
  'GoToR',
  'GoToE',
  'GoToDp',
  'EmbeddedFile',
  'EmbeddedFiles',
  'EF',
  'FileAttachment',
  'RichMedia',
  'RichMediaContent',
  'RichMediaExecute',
  'XFA',
  'Sound',
  'Movie',
  'Rendition',
  'Screen',
  '3D',
  'GoTo3DView',
  'Encrypt',
] as const;
const FORBIDDEN_NAMES: ReadonlyMap<PDFName, string> = new Map(FORBIDDEN.map((name) => [PDFName.of(name), name]));

/** Keys whose value is an action (or, for /OpenAction, a destination). */
const ACTION_KEYS: ReadonlySet<PDFName> = new Set(['A', 'Next', 'OpenAction', 'PA'].map((name) => PDFName.of(name)));
/** The one action allowed: a jump to a place in this document. */
const GO_TO = PDFName.of('GoTo');
const S = PDFName.of('S');
const TYPE = PDFName.of('Type');
const ACTION = PDFName.of('Action');
const N = PDFName.of('N');
const FIRST = PDFName.of('First');
const OBJ_STM = PDFName.of('ObjStm');
const X_REF = PDFName.of('XRef');
const FILTER = PDFName.of('Filter');
const DECODE_PARMS = PDFName.of('DecodeParms');
const PREDICTOR = PDFName.of('Predictor');
/** The filters pdf-lib decodes (abbreviations are refused: it does not know them). */
const DECODABLE_FILTERS: ReadonlySet<PDFName> = new Set(['FlateDecode', 'LZWDecode', 'ASCII85Decode', 'ASCIIHexDecode', 'RunLengthDecode'].map((name) => PDFName.of(name)));

/** Thrown inside the inspection; becomes the refusal reason. */
class Refusal extends Error {
  override readonly name = 'Refusal';
}

// ---------------------------------------------------------------- reading objects at offsets

/** pdf-lib's parser, started at any offset, telling how far it read. */
interface ByteStreamLike {
  moveTo(offset: number): void;
  offset(): number;
}
type ByteStreamClass = { of(bytes: Uint8Array): ByteStreamLike };
/** pdf-lib does not export its ByteStream; its parser holds one, which gives the class. */
const ByteStream = (PDFObjectParser.forBytes(new Uint8Array(0), PDFContext.create()) as unknown as { bytes: { constructor: ByteStreamClass } }).bytes.constructor;
if (typeof ByteStream?.of !== 'function') throw new Error('@cantoo/pdf-lib: the parser has no byte stream (library changed?)');

class ObjectReader extends PDFObjectParser {
  readonly #stream: ByteStreamLike;

  constructor(bytes: Uint8Array, context: PDFContext) {
    const stream = ByteStream.of(bytes);
    super(stream as never, context, false);
    this.#stream = stream;
  }

  /** Where the last parse stopped (also after a failure): how much it read. */
  get position(): number {
    return this.#stream.offset();
  }

  /** Parses one object starting at `offset`; returns it and the offset after it. */
  objectAt(offset: number): { object: PDFObject; end: number } {
    this.#stream.moveTo(offset);
    const object = this.parseObject();
    return { object, end: this.#stream.offset() };
  }

  /**
   * Parses only the dictionary at `offset` (after `n g obj`): what is left
   * of a stream object whose data the parser cannot delimit (an indirect
   * /Length and the word "stream" in the data) is still judged by its
   * dictionary.
   */
  dictionaryAt(offset: number): PDFDict {
    this.#stream.moveTo(offset);
    this.skipWhitespaceAndComments();
    return this.parseDict();
  }

  /** Reads `count` pairs of unsigned integers from `offset` (an object stream's header). */
  integerPairsAt(offset: number, count: number): [number, number][] {
    this.#stream.moveTo(offset);
    const pairs: [number, number][] = [];
    for (let index = 0; index < count; index += 1) {
      this.skipWhitespaceAndComments();
      const first = this.parseRawInt();
      this.skipWhitespaceAndComments();
      pairs.push([first, this.parseRawInt()]);
    }
    return pairs;
  }
}

/*
 * An indirect object header, as pdf-lib's and pdf.js's lexers accept it:
 * number, white space or comments, generation, white space or comments,
 * `obj`. The look-behind and the bounded digit counts keep the scan linear
 * on long digit runs; a comment must end at a line end (no backtracking).
 */
const WS = '[\\0\\t\\n\\f\\r ]';
const COMMENT = '%[^\\r\\n]*[\\r\\n]';
const OBJECT_HEADER = new RegExp(`(?<![0-9])([0-9]{1,10})(?:${WS}|${COMMENT})+([0-9]{1,5})(?:${WS}|${COMMENT})*obj`, 'g');
const TRAILER = /trailer/g;

interface Found {
  /** Every parsed version of every object number, in file order. */
  versions: Map<number, PDFObject[]>;
  /** Objects that are not indirect objects: trailer dictionaries. */
  loose: PDFObject[];
  /** Stream dictionaries whose stream data could not be delimited. */
  dictionaryOnly: Set<PDFDict>;
  /** The context that holds the parsed objects (the latest version of each, as pdf-lib would have it). */
  context: PDFContext;
}

function addVersion(found: Found, num: number, object: PDFObject): void {
  const list = found.versions.get(num);
  if (list) list.push(object);
  else found.versions.set(num, [object]);
}

/** Every `n g obj` in the file, parsed; parse failures are skipped (most are look-alikes inside stream data). */
function readAllObjects(bytes: Uint8Array): Found {
  const context = PDFContext.create();
  const found: Found = { versions: new Map(), loose: [], dictionaryOnly: new Set(), context };
  const reader = new ObjectReader(bytes, context);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // Bytes read by all parses together, pdf-lib's included. Objects that overlap (a header inside
  // another's data) are read twice; a file of nested look-alike headers would be read quadratically.
  // pdf-lib, on an object it cannot parse, looks for the next "endobj" (to the end of the file when
  // there is none), so that distance counts too.
  const workBudget = 4 * bytes.length + 1024 * 1024;
  const endobjs = [...text.matchAll(/endobj/g)].map((m) => m.index);
  const nextEndobj = (from: number): number => {
    let low = 0;
    let high = endobjs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (endobjs[mid]! < from) low = mid + 1;
      else high = mid;
    }
    return endobjs[low] ?? bytes.length;
  };
  let work = 0;
  let headers = 0;
  for (const match of text.matchAll(OBJECT_HEADER)) {
    headers += 1;
    if (headers > PDF_LIMITS.maxObjects) throw new Refusal('too many objects');
    const num = Number(match[1]);
    const gen = Number(match[2]);
    const start = match.index + match[0].length;
    let read: number;
    try {
      const parsed = reader.objectAt(start);
      read = parsed.end - start;
      addVersion(found, num, parsed.object);
      context.assign(PDFRef.of(num, gen), parsed.object);
    } catch {
      read = Math.max(reader.position - start, nextEndobj(start) - start);
      try {
        const dict = reader.dictionaryAt(start);
        addVersion(found, num, dict);
        found.dictionaryOnly.add(dict);
      } catch {
        // Not an object after all (most are look-alikes inside stream data); see loadDocument for the rest.
      }
    }
    work += Math.max(read, 1);
    if (work > workBudget) throw new Refusal('too costly to parse');
  }
  for (const match of text.matchAll(TRAILER)) {
    try {
      const parsed = reader.objectAt(match.index + match[0].length);
      found.loose.push(parsed.object);
      work += parsed.end - match.index;
    } catch {
      // "trailer" in some text, not a trailer.
    }
    if (work > workBudget) throw new Refusal('too costly to parse');
  }
  return found;
}

// ---------------------------------------------------------------- streams

/**
 * A stream's decoded bytes, refused when its filters are unknown or it
 * decodes to more than the limit. `objects`: it is read as an object
 * stream, so a predictor (which pdf-lib does not undo, so what it would
 * read is not what a viewer reads) is refused too.
 */
function decodeBounded(stream: PDFRawStream, budget: { left: number }, objects: boolean): Uint8Array {
  const filters = stream.dict.lookup(FILTER);
  const names = filters instanceof PDFArray ? filters.asArray() : filters === undefined ? [] : [filters];
  for (const filter of names) {
    if (!(filter instanceof PDFName) || !DECODABLE_FILTERS.has(filter)) throw new Refusal('a stream with an unsupported filter');
  }
  const parms = stream.dict.lookup(DECODE_PARMS);
  for (const parm of objects ? (parms instanceof PDFArray ? parms.asArray() : [parms]) : []) {
    const dict = parm instanceof PDFRef ? stream.dict.context.lookup(parm) : parm;
    const predictor = dict instanceof PDFDict ? dict.lookup(PREDICTOR) : undefined;
    if (predictor instanceof PDFNumber && predictor.asNumber() > 1) throw new Refusal('an object stream with a predictor');
  }
  const limit = Math.min(PDF_LIMITS.maxStreamBytes, budget.left);
  let total = 0;
  let decoder: ReturnType<typeof decodePDFRawStream>;
  try {
    decoder = decodePDFRawStream(stream);
    for (;;) {
      const chunk = decoder.getBytes(64 * 1024);
      if (chunk.length === 0) break;
      total += chunk.length;
      if (total > limit) throw new Refusal('a stream decodes to too much data');
    }
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal('a stream that cannot be decoded');
  }
  budget.left -= total;
  decoder.reset();
  return total === 0 ? new Uint8Array(0) : Uint8Array.from(decoder.getBytes(total));
}

/**
 * Expands every stream that a viewer could use as an object stream — one
 * typed /ObjStm, or any stream with /N and /First (pdf.js reads whatever
 * stream a cross-reference entry points to) — and bounds the decoding of
 * cross-reference streams (pdf-lib decodes those while loading).
 */
function expandObjectStreams(found: Found): void {
  const budget = { left: PDF_LIMITS.maxDecodedBytes };
  for (const dict of found.dictionaryOnly) {
    if (dict.get(TYPE) === OBJ_STM || (dict.has(N) && dict.has(FIRST))) throw new Refusal('an object stream that cannot be delimited');
  }
  let objects = [...found.versions.values()].reduce((sum, list) => sum + list.length, 0);
  for (const list of [...found.versions.values()]) {
    for (const object of list) {
      if (!(object instanceof PDFRawStream)) continue;
      const { dict } = object;
      const type = dict.get(TYPE);
      if (type === X_REF) {
        decodeBounded(object, budget, false);
        continue;
      }
      const count = dict.get(N);
      const first = dict.get(FIRST);
      const declared = type === OBJ_STM;
      if (!declared && !(count instanceof PDFNumber && first instanceof PDFNumber)) continue;
      if (!(count instanceof PDFNumber) || !(first instanceof PDFNumber)) throw new Refusal('object stream without /N and /First');
      const n = count.asNumber();
      if (!Number.isInteger(n) || n < 0 || objects + n > PDF_LIMITS.maxObjects) throw new Refusal('too many objects');
      objects += n;
      const reader = new ObjectReader(decodeBounded(object, budget, true), found.context);
      try {
        const pairs = reader.integerPairsAt(0, n);
        for (const [num, offset] of pairs) {
          const parsed = reader.objectAt(first.asNumber() + offset);
          addVersion(found, num, parsed.object);
        }
      } catch (error) {
        if (error instanceof Refusal) throw error;
        throw new Refusal('an object stream that cannot be parsed');
      }
    }
  }
}

// ---------------------------------------------------------------- judging

const ENCRYPT = PDFName.of('Encrypt');

/** A trailer or cross-reference stream naming an /Encrypt dictionary: strings and streams are ciphertext. */
function refuseEncrypted(found: Found): void {
  const trailers = [...found.loose, ...[...found.versions.values()].flat().map((object) => (object instanceof PDFRawStream ? object.dict : object))];
  for (const trailer of trailers) {
    if (trailer instanceof PDFDict && trailer.has(ENCRYPT)) throw new Refusal('encrypted');
  }
}

/** Judges every object reachable from `roots` (each visited once); throws Refusal. */
function judge(roots: Iterable<PDFObject>, resolve: (ref: PDFRef) => PDFObject[]): void {
  const seen = new Set<PDFObject>();
  const stack: PDFObject[] = [...roots];
  const checkAction = (value: PDFObject | undefined, key: PDFName) => {
    // A destination (array, name or string) is fine; an action dictionary must be a /GoTo.
    const candidates = value instanceof PDFRef ? resolve(value) : value === undefined ? [] : [value];
    for (const candidate of candidates) {
      if (candidate instanceof PDFArray && key.asString() === '/Next') {
        for (const element of candidate.asArray()) checkAction(element, key);
      } else if (candidate instanceof PDFDict) {
        checkActionDict(candidate);
      }
    }
  };
  const checkActionDict = (dict: PDFDict) => {
    const type = dict.get(S);
    if (type === undefined) return;
    const types = type instanceof PDFRef ? resolve(type) : [type];
    for (const name of types) if (name !== GO_TO) throw new Refusal(`an action other than /GoTo (${name instanceof PDFName ? name.asString() : 'not a name'})`);
  };
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (seen.has(object)) continue;
    seen.add(object);
    if (object instanceof PDFName) {
      const forbidden = FORBIDDEN_NAMES.get(object);
      if (forbidden) throw new Refusal(forbidden === 'Encrypt' ? 'encrypted' : `/${forbidden}`);
    } else if (object instanceof PDFRawStream) {
      stack.push(object.dict);
    } else if (object instanceof PDFDict) {
      if (object.get(TYPE) === ACTION) checkActionDict(object);
      for (const [key, value] of object.entries()) {
        stack.push(key, value);
        if (ACTION_KEYS.has(key)) checkAction(value, key);
      }
    } else if (object instanceof PDFArray) {
      for (const element of object.asArray()) stack.push(element);
    }
  }
}

/** pdf-lib's reading of the document: it must load and have at least one page. */
async function loadDocument(bytes: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest, preserveXFA: true });
  } catch {
    throw new Refusal('not a parseable PDF');
  }
  if (doc.isEncrypted) throw new Refusal('encrypted');
  let pages = 0;
  try {
    pages = doc.getPageCount();
  } catch {
    throw new Refusal('no readable page tree');
  }
  if (pages < 1) throw new Refusal('no pages');
  return doc;
}

/** Inspects a whole PDF file. */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfVerdict> {
  try {
    const found = readAllObjects(bytes);
    refuseEncrypted(found);
    expandObjectStreams(found);
    const resolveFound = (ref: PDFRef): PDFObject[] => found.versions.get(ref.objectNumber) ?? [];
    // Every object in the file, every version, first: active content is the reason when there is some.
    judge([...[...found.versions.values()].flat(), ...found.loose], resolveFound);
    // Then pdf-lib's own reading of the document, and whatever it holds that the scan did not find.
    const loaded = (await loadDocument(bytes)).context;
    const resolve = (ref: PDFRef): PDFObject[] => {
      const fromLibrary = loaded.lookup(ref);
      const versions = resolveFound(ref);
      return fromLibrary === undefined ? versions : [...versions, fromLibrary];
    };
    for (const [ref, object] of loaded.enumerateIndirectObjects()) {
      // An object pdf-lib could not parse is fine only when the scan read at least its dictionary.
      if (object instanceof PDFInvalidObject && resolveFound(ref).length === 0) throw new Refusal('an object that cannot be parsed');
    }
    const trailer = Object.values(loaded.trailerInfo).filter((value): value is PDFObject => value instanceof PDFObject);
    judge([...loaded.enumerateIndirectObjects().map(([, object]) => object), ...trailer], resolve);
    return { ok: true };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    // Anything else the parser threw (deep nesting, a malformed structure) means it cannot be inspected.
    return { ok: false, reason: `cannot be inspected (${error instanceof Error ? error.name : typeof error})` };
  }
}
