/**
 * Uploaded images (SECURITY.md 24; security review issue 11): judged,
 * then decoded and re-encoded with sharp (libvips), so what is stored is
 * pixels the server wrote itself — no metadata (EXIF with its GPS and
 * camera data, XMP, ICC, comments, text chunks) and nothing after the
 * image's end. Before any pixel is decoded:
 *
 * - markup in the parts of the file that are not compressed pixel data
 *   (JPEG segments other than the scan data, PNG chunks other than IDAT,
 *   compressed PNG text inflated, anything after the image end) is
 *   refused: a polyglot is an attack even though re-encoding would drop it;
 * - the declared size is checked against the limits below, from the
 *   header (sharp reads only the header for it), so a decompression bomb
 *   is refused without being inflated.
 */
import { inflateSync } from 'node:zlib';
import sharp, { type Metadata } from 'sharp';
import type { DocumentType } from '@egov/auth-widgets/contract';
import { FileRefused } from './file-types.ts';

/*
 * libvips keeps no cache of decoded images or open files here: each
 * upload is decoded once, and a cache would only hold memory. One libvips
 * worker thread per image: document-check.ts runs one check at a time,
 * and the event loop keeps the other core.
 */
sharp.cache(false);
sharp.concurrency(1);

/**
 * Size limits for images, checked before decoding.
 *
 * A phone photo of a document is about 12 MP (4000 × 3000); 48–50 MP
 * phone sensors give 8000 × 6000 or 8160 × 6120; an A4 page scanned at
 * 600 dpi is 4961 × 7016 (35 MP). 50 MP admits all of these. A side of
 * 12 000 px admits A4 at 1000 dpi (8268 × 11 693) and refuses the strips
 * that only exist to exhaust memory. Decoding holds width × height ×
 * channels × bytes per sample when the picture must be turned (most
 * portrait phone photos): 36 MB for 12 MP RGB, 150 MB at the 50 MP limit;
 * `maxDecodedBytes` keeps 16-bit and alpha images within 200 MB.
 */
export const IMAGE_LIMITS = Object.freeze({
  maxPixels: 50_000_000,
  maxSide: 12_000,
  maxDecodedBytes: 200_000_000,
  /** Inflated bytes of one compressed PNG text chunk. */
  maxTextChunkBytes: 1024 * 1024,
});

/**
 * JPEG quality of the re-encoded file: text on a document stays sharp; the
 * file is usually smaller than a camera's. Standard Huffman tables
 * (`optimiseCoding: false`): optimised ones need the whole image's
 * coefficients in memory (about 36 MB more for 12 MP) for a file a few
 * per cent smaller.
 */
const JPEG_QUALITY = 90;

const BYTES_PER_SAMPLE: Record<string, number> = { uchar: 1, char: 1, ushort: 2, short: 2, uint: 4, int: 4, float: 4, complex: 8, double: 8, dpcomplex: 16 };

/*
 * Markup a browser or script host would act on. Searched only in the
 * non-pixel parts (metadata is text-like; what follows the image end may
 * be binary, e.g. a phone's second picture), so each marker carries the
 * character after the tag name: a 5–6 byte pattern turns up by chance in
 * 500 KB of random bytes about once in 50 000 files.
 */
const MARKUP = /<(?:script|iframe|object|embed|svg|html|body|head|meta|img|form|math|style|link|base)[\s/>]|<\?php|<!doctype|<!\[cdata\[|javascript:|vbscript:/i;

function hasMarkup(bytes: Uint8Array): boolean {
  return bytes.length > 0 && MARKUP.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
}

/** The parts of a JPEG that are not entropy-coded scan data: every segment's payload, and what follows EOI. */
export function jpegNonPixelParts(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let i = 2; // after SOI
  while (i + 1 < bytes.length) {
    if (bytes[i] !== 0xff) return [...parts, bytes.subarray(i)]; // not a marker: the rest is judged as it is
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return [...parts, bytes.subarray(i + 2)]; // EOI: what follows is trailing data
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xd8) {
      i += 2;
      continue;
    }
    if (i + 3 >= bytes.length) break;
    const length = bytes.readUInt16BE(i + 2);
    parts.push(bytes.subarray(i + 4, i + 2 + length));
    i += 2 + length;
    if (marker === 0xda) {
      // Scan data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      while (i + 1 < bytes.length && !(bytes[i] === 0xff && bytes[i + 1] !== 0 && !(bytes[i + 1]! >= 0xd0 && bytes[i + 1]! <= 0xd7))) i += 1;
    }
  }
  return parts;
}

/** The parts of a PNG that are not image data: every chunk but IDAT/fdAT (text inflated), and what follows IEND. */
export function pngNonPixelParts(bytes: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let i = 8; // after the signature
  while (i + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(i);
    const type = bytes.toString('latin1', i + 4, i + 8);
    const end = i + 12 + length;
    if (end > bytes.length) return [...parts, bytes.subarray(i)];
    const data = bytes.subarray(i + 8, i + 8 + length);
    if (type === 'IEND') return [...parts, bytes.subarray(end)];
    if (type !== 'IDAT' && type !== 'fdAT') {
      parts.push(data);
      const text = compressedText(type, data);
      if (text) parts.push(text);
    }
    i = end;
  }
  return [...parts, bytes.subarray(i)];
}

/** The inflated text of a zTXt chunk or a compressed iTXt chunk; refused when it is corrupt or too long. */
function compressedText(type: string, data: Buffer): Buffer | null {
  let start = data.indexOf(0) + 1; // after the keyword
  if (type === 'zTXt') start += 1; // compression method
  else if (type === 'iTXt') {
    if (data[start] !== 1) return null; // not compressed
    start += 2; // compression flag and method
    start = data.indexOf(0, start) + 1; // language tag
    start = data.indexOf(0, start) + 1; // translated keyword
  } else return null;
  if (start <= 0) throw new FileRefused('a malformed PNG text chunk');
  try {
    return inflateSync(data.subarray(start), { maxOutputLength: IMAGE_LIMITS.maxTextChunkBytes });
  } catch {
    throw new FileRefused('a PNG text chunk that cannot be inflated');
  }
}

const SHARP_INPUT = {
  // Fail on any decoder warning (sharp's advice for untrusted input): a truncated or damaged file is refused.
  failOn: 'warning',
  // The decoder's own guard, behind the checks of the header below.
  limitInputPixels: IMAGE_LIMITS.maxPixels,
  limitInputChannels: 4,
} as const;

/**
 * Judges an image and returns the bytes to store: the same picture,
 * decoded and encoded again (PNG stays PNG, JPEG stays JPEG), turned
 * upright by its EXIF orientation, with no metadata. Throws FileRefused.
 */
export async function reencodeImage(bytes: Buffer, type: Extract<DocumentType, 'image/png' | 'image/jpeg'>): Promise<Buffer> {
  const parts = type === 'image/png' ? pngNonPixelParts(bytes) : jpegNonPixelParts(bytes);
  if (parts.some(hasMarkup)) throw new FileRefused('markup in an image');

  let metadata: Metadata;
  try {
    // Only the header is read here; no pixel limit, so the limits below can name what is over.
    metadata = await sharp(bytes, { ...SHARP_INPUT, limitInputPixels: false }).metadata();
  } catch {
    throw new FileRefused('not a readable image');
  }
  const expected = type === 'image/png' ? 'png' : 'jpeg';
  if (metadata.format !== expected) throw new FileRefused(`a ${metadata.format} image, not ${expected}`);
  const { width, height, channels } = metadata;
  if (!(width > 0 && height > 0)) throw new FileRefused('an image without a size');
  if (width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide) throw new FileRefused('an image side over the limit');
  if (width * height > IMAGE_LIMITS.maxPixels) throw new FileRefused('more pixels than the limit');
  if (width * height * channels * (BYTES_PER_SAMPLE[metadata.depth] ?? 16) > IMAGE_LIMITS.maxDecodedBytes) throw new FileRefused('too much memory to decode');

  try {
    const image = sharp(bytes, { ...SHARP_INPUT, autoOrient: true });
    // No keepMetadata/withMetadata: sharp writes no EXIF, XMP, IPTC or ICC, and converts to sRGB.
    if (type === 'image/jpeg') return await image.jpeg({ quality: JPEG_QUALITY, optimiseCoding: false }).toBuffer();
    // A palette or 1/2/4-bit PNG (a bilevel scan) keeps its palette: the same pixels, exactly (libimagequant keeps
    // every colour when there are no more than it may use), instead of an 8-bit RGB file 20 times the size.
    const bits = metadata.bitsPerSample ?? 8;
    const palette = metadata.isPalette || bits < 8;
    return await (palette ? image.png({ palette: true, colours: 2 ** Math.min(8, Math.max(1, bits)), dither: 0, quality: 100 }) : image.png()).toBuffer();
  } catch {
    throw new FileRefused('an image that cannot be decoded');
  }
}
