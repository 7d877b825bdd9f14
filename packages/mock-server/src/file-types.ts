import type { DocumentType } from '@egov/auth-widgets/contract';

/** How much of a file's start is held back and judged before any of it is written. */
export const FILE_HEAD_BYTES = 1024;

const SIGNATURES: readonly { type: DocumentType; bytes: Buffer }[] = [
  { type: 'application/pdf', bytes: Buffer.from('%PDF-', 'latin1') },
  { type: 'image/png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff]) },
];

/** File name extension for a type (for the download's fallback name only). */
export const EXTENSIONS: Readonly<Record<DocumentType, string>> = Object.freeze({
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
});

/*
 * Markup and script that browsers or servers would run if the file were
 * ever served inline or by a script interpreter. In the head (first KB) a
 * wide list: structured headers make a chance match there practically
 * impossible. In the rest only long markers: compressed image data is
 * close to random, and a 4- or 5-byte marker would refuse a real photo in
 * roughly every ten-thousandth upload.
 */
const HEAD_MARKERS = ['<script', '<html', '<!doctype', '<svg', '<?php', '<body', '<head', '<iframe', '<object', '<embed', 'javascript:'];
const BODY_MARKERS = ['<script', '<iframe', '/javascript'];
const LONGEST_BODY_MARKER = Math.max(...BODY_MARKERS.map((m) => m.length));

/** The document type a file's first bytes announce (its magic number), or null. */
export function sniffDocumentType(head: Buffer): DocumentType | null {
  for (const { type, bytes } of SIGNATURES) {
    if (head.length >= bytes.length && head.subarray(0, bytes.length).equals(bytes)) return type;
  }
  return null;
}

function lowerLatin1(bytes: Buffer): string {
  return bytes.toString('latin1').toLowerCase();
}

/** Thrown when a file is not an accepted document; the caller answers `invalid_file_type`. */
export class FileRefused extends Error {
  override readonly name = 'FileRefused';
}

/**
 * Judges an uploaded file while it streams (SECURITY.md 24): the type comes
 * from the content's magic bytes — never the name or the declared MIME type
 * — and must be accepted; files that also carry markup or script (HTML or
 * SVG renamed, PHP in a JPEG comment, a PDF/HTML polyglot) are refused.
 * The head is held back until it is judged, so nothing unjudged is written.
 *
 * This is the fast first refusal of what is not a document at all. The
 * byte searches cannot see through PDF name escapes, compressed object
 * streams or image metadata: every file that passes is judged again whole,
 * structurally, once it is on disk (document-check.ts).
 */
export class UploadInspector {
  readonly #accepted: readonly DocumentType[];
  #head: Buffer[] = [];
  #headBytes = 0;
  #type: DocumentType | null = null;
  #tail = '';

  constructor(accepted: readonly DocumentType[]) {
    this.#accepted = accepted;
  }

  /** The sniffed type, once the head was judged. */
  get type(): DocumentType | null {
    return this.#type;
  }

  /** Takes the next chunk; returns what may be written now. Throws FileRefused. */
  take(chunk: Buffer): Buffer | null {
    if (this.#type === null) {
      this.#head.push(chunk);
      this.#headBytes += chunk.length;
      if (this.#headBytes < FILE_HEAD_BYTES) return null;
      return this.#judgeHead();
    }
    this.#scanBody(chunk);
    return chunk;
  }

  /** At the end of the file: judges a file shorter than the head; returns what is still to be written. */
  finish(): Buffer | null {
    if (this.#type !== null) return null;
    return this.#judgeHead();
  }

  #judgeHead(): Buffer {
    const head = Buffer.concat(this.#head, this.#headBytes);
    this.#head = [];
    const type = sniffDocumentType(head);
    if (type === null || !this.#accepted.includes(type)) throw new FileRefused('not an accepted document type');
    const text = lowerLatin1(head.subarray(0, FILE_HEAD_BYTES));
    if (HEAD_MARKERS.some((marker) => text.includes(marker))) throw new FileRefused('markup in a document');
    this.#type = type;
    this.#scanBody(head);
    return head;
  }

  #scanBody(chunk: Buffer): void {
    // The previous chunk's last bytes go first, so a marker split across chunks is still found.
    const text = this.#tail + lowerLatin1(chunk);
    if (BODY_MARKERS.some((marker) => text.includes(marker))) throw new FileRefused('script in a document');
    this.#tail = text.slice(-(LONGEST_BODY_MARKER - 1));
  }
}
