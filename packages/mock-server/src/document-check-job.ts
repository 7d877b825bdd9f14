/**
 * One whole-file check, as the document-check child process runs it (see
 * document-check.ts): a PDF is inspected (pdf-check.ts), an image
 * re-encoded (image-check.ts) into `outputPath`. The paths come from the
 * server's UploadStore, never from a client.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { DocumentType } from '@egov/auth-widgets/contract';
import { FileRefused } from './file-types.ts';
import { reencodeImage } from './image-check.ts';
import { inspectPdf } from './pdf-check.ts';

export interface CheckJob {
  id: number;
  type: DocumentType;
  path: string;
  /** Where a re-encoded image goes (created exclusively, owner-only). */
  outputPath: string;
}

export type CheckResult = { ok: true; size?: number } | { ok: false; reason: string };

export async function checkDocumentFile(job: CheckJob): Promise<CheckResult> {
  const bytes = await readFile(job.path);
  if (job.type === 'application/pdf') {
    const verdict = await inspectPdf(bytes);
    return verdict.ok ? { ok: true } : { ok: false, reason: `PDF: ${verdict.reason}` };
  }
  try {
    const reencoded = await reencodeImage(bytes, job.type);
    await writeFile(job.outputPath, reencoded, { flag: 'wx', mode: 0o600 });
    return { ok: true, size: reencoded.length };
  } catch (error) {
    if (error instanceof FileRefused) return { ok: false, reason: `${job.type === 'image/png' ? 'PNG' : 'JPEG'}: ${error.message}` };
    throw error;
  }
}
