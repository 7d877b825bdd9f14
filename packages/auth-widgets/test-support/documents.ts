// Small, valid documents for upload tests, built in code (no fixtures on disk).
// Used by the component tests (browser) and the end-to-end tests (Node 20 has atob and File too).

/** A 1×1 PNG. */
export const PNG_BYTES = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

/** A one-page PDF with no content. */
export const PDF_TEXT = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
].join('\n');

export function pngFile(name = 'scan.png'): File {
  return new File([PNG_BYTES], name, { type: 'image/png' });
}

export function pdfFile(name = 'scan.pdf'): File {
  return new File([PDF_TEXT], name, { type: 'application/pdf' });
}

/** HTML that claims to be a JPEG by its name and declared type. */
export function disguisedHtmlFile(name = 'photo.jpg'): File {
  return new File(['<html><script>alert(1)</script></html>'], name, { type: 'image/jpeg' });
}

/** A valid PNG padded to `size` bytes (the type is read from the first bytes). */
export function largePngFile(size: number, name = 'large.png'): File {
  const bytes = new Uint8Array(size);
  bytes.set(PNG_BYTES);
  return new File([bytes], name, { type: 'image/png' });
}
