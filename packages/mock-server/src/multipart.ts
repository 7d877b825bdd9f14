import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy, { type Busboy } from 'busboy';
import type { DocumentType, FieldErrorCode } from '@egov/auth-widgets/contract';
import { checkStoredDocument } from './document-check.ts';
import { FileRefused, UploadInspector } from './file-types.ts';
import { HttpError, hasBody } from './http.ts';
import { displayFileName, type UploadStore } from './uploads.ts';

export interface MultipartLimits {
  /** Files allowed in the file field; one more is refused while streaming. */
  maxFiles: number;
  /** Bytes per file; one more is refused while streaming. */
  maxFileBytes: number;
  acceptedTypes: readonly DocumentType[];
  /** Bytes of one text value (a longer one is `too_long`). */
  maxFieldBytes: number;
  /** Bytes of all text values together (more is 413). */
  maxFieldsBytes: number;
  /** Parts of any kind (more is 413). */
  maxParts: number;
}

/**
 * A file that passed the checks and is on disk under a generated name: a
 * PDF as uploaded, an image re-encoded (its `size` is the stored file's).
 */
export interface ReceivedFile {
  storedName: string;
  /** The client's file name, sanitized: display text only. */
  displayName: string;
  type: DocumentType;
  size: number;
}

export interface ReceivedForm {
  /** Text values by part name (unknown names included: the caller refuses them). */
  fields: Map<string, string>;
  /** Problems found while reading that do not stop it: unknown file parts, refused file types, duplicates. */
  problems: Map<string, FieldErrorCode>;
  /** Accepted files, in the order they were sent. The caller owns them: it stores or removes them. */
  files: ReceivedFile[];
  /** Why files were refused (for the log: type and reason, never content or names). */
  refusals: { type: DocumentType | null; reason: string }[];
}

/** Room for part headers and boundaries on top of the values and files. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** At most this many problem names are reported back (they come from the client). */
const MAX_REPORTED_PROBLEMS = 10;

/** `multipart/form-data` (any parameters); anything else is refused before reading. */
function isMultipart(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';
}

/** The most bytes a well-formed request within the limits can have. */
export function maxMultipartBytes(limits: MultipartLimits): number {
  return limits.maxFiles * limits.maxFileBytes + limits.maxFieldsBytes + MULTIPART_OVERHEAD_BYTES;
}

interface FileInProgress {
  storedName: string;
  /** Resolves when the file's write stream has closed (only then may it be deleted). */
  closed: Promise<void>;
  destroy(): void;
}

/**
 * Reads a `multipart/form-data` request as it streams (SECURITY.md 24, 25):
 * text parts into memory (small, capped), parts named `fileField` to disk
 * under generated names, each judged by its first bytes while it arrives.
 * A file over the size limit, one file too many, or too much text stops
 * the reading at once with 413; a malformed body with 400. Either way
 * every file written so far is deleted before the error is thrown — a
 * refused request leaves nothing behind.
 *
 * Once the body is read, every accepted file is judged whole
 * (document-check.ts: a PDF's structure, an image decoded and re-encoded)
 * before the form is handed over; a refused one is deleted and reported
 * as `invalid_file_type`, like a refused head.
 */
export function receiveMultipartForm(
  req: IncomingMessage,
  options: {
    limits: MultipartLimits;
    uploads: UploadStore;
    fileField: string;
    /** The form's text fields: a file sent in one of them is `invalid_type`, in any other part `unknown_field`. */
    textFields: ReadonlySet<string>;
  },
): Promise<ReceivedForm> {
  const { limits, uploads, fileField, textFields } = options;
  if (!isMultipart(req.headers['content-type'])) {
    return Promise.reject(new HttpError(415, 'unsupported_media_type', { closeConnection: hasBody(req) }));
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxMultipartBytes(limits)) {
    return Promise.reject(new HttpError(413, 'payload_too_large', { closeConnection: true }));
  }

  let parser: Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: {
        fieldSize: limits.maxFieldBytes + 1,
        fileSize: limits.maxFileBytes + 1,
        parts: limits.maxParts,
        fields: limits.maxParts,
        files: limits.maxParts,
        headerPairs: 20,
      },
    });
  } catch {
    // No boundary, or a content type busboy cannot read.
    return Promise.reject(new HttpError(400, 'bad_request', { closeConnection: true }));
  }

  return new Promise<ReceivedForm>((resolve, reject) => {
    const form: ReceivedForm = { fields: new Map(), problems: new Map(), files: [], refusals: [] };
    const inProgress: FileInProgress[] = [];
    /** Accepted files by the order their parts arrived (they may finish writing in another order). */
    const accepted: (ReceivedFile | undefined)[] = [];
    let partIndex = 0;
    const pending: Promise<void>[] = [];
    const duplicates = new Set<string>();
    let fileCount = 0;
    let fieldBytes = 0;
    let requestBytes = 0;
    let failed: Error | null = null;

    const problem = (name: string, code: FieldErrorCode) => {
      const key = name.slice(0, 100);
      if (form.problems.has(key) || form.problems.size >= MAX_REPORTED_PROBLEMS) return;
      form.problems.set(key, code);
    };

    /** Stops reading, closes and deletes every file, then rejects. */
    const fail = (error: Error) => {
      if (failed) return;
      failed = error;
      req.unpipe(parser);
      // What the client still sends is discarded; the connection closes after the answer.
      req.resume();
      for (const file of inProgress) file.destroy();
      void (async () => {
        await Promise.allSettled(inProgress.map((file) => file.closed));
        await uploads.remove(inProgress.map((file) => file.storedName)).catch(() => undefined);
        reject(error);
      })();
    };

    const tooLarge = (field?: FieldErrorCode) =>
      fail(new HttpError(413, 'payload_too_large', { closeConnection: true, ...(field ? { fields: { [fileField]: field } } : {}) }));

    const receiveFile = (stream: Readable, filename: string | undefined) => {
      const storedName = uploads.newName();
      const out = uploads.create(storedName);
      const closed = new Promise<void>((resolveClose) => out.once('close', () => resolveClose()));
      const entry: FileInProgress = { storedName, closed, destroy: () => out.destroy() };
      inProgress.push(entry);
      const inspector = new UploadInspector(limits.acceptedTypes);
      const index = partIndex++;
      let size = 0;
      let counted = false;
      let refused = false;

      const count = (): boolean => {
        if (counted) return true;
        counted = true;
        fileCount += 1;
        if (fileCount > limits.maxFiles) {
          tooLarge('too_many_files');
          return false;
        }
        return true;
      };
      // Not an accepted document: the rest of this part is read and discarded.
      const refuse = (error: unknown) => {
        if (!(error instanceof FileRefused)) return fail(error as Error);
        refused = true;
        form.refusals.push({ type: inspector.type, reason: error.message });
        problem(fileField, 'invalid_file_type');
      };
      const write = (bytes: Buffer | null) => {
        if (!bytes || bytes.length === 0) return;
        if (!out.write(bytes)) {
          stream.pause();
          out.once('drain', () => stream.resume());
        }
      };

      pending.push(
        new Promise<void>((resolveFile) => {
          out.on('error', (error) => {
            fail(error);
            resolveFile();
          });
          stream.on('data', (chunk: Buffer) => {
            if (failed || refused) return;
            size += chunk.length;
            if (!count()) return;
            if (size > limits.maxFileBytes) return tooLarge('file_too_large');
            try {
              write(inspector.take(chunk));
            } catch (error) {
              refuse(error);
            }
          });
          stream.on('end', () => {
            if (failed) return resolveFile();
            // A browser sends an empty part with no name when no file was chosen: that is no file.
            const noFile = size === 0 && !filename;
            if (!refused && !noFile) {
              if (!count()) return resolveFile();
              try {
                write(inspector.finish());
              } catch (error) {
                refuse(error);
              }
            }
            out.end(() => {
              if (refused || noFile) {
                void entry.closed.then(() => uploads.remove([storedName])).then(resolveFile, resolveFile);
                inProgress.splice(inProgress.indexOf(entry), 1);
                return;
              }
              accepted[index] = { storedName, displayName: displayFileName(filename), type: inspector.type!, size };
              resolveFile();
            });
          });
        }),
      );
    };

    parser.on('file', (name: string | undefined, stream: Readable, info: { filename?: string }) => {
      if (failed) return stream.resume();
      if (name === undefined) return fail(new HttpError(400, 'bad_request', { closeConnection: true }));
      if (name !== fileField) {
        problem(name, textFields.has(name) ? 'invalid_type' : 'unknown_field');
        return stream.resume();
      }
      receiveFile(stream, info.filename);
    });

    parser.on('field', (name: string | undefined, value: string, info: { valueTruncated: boolean }) => {
      if (failed) return;
      if (name === undefined) return fail(new HttpError(400, 'bad_request', { closeConnection: true }));
      fieldBytes += Buffer.byteLength(value);
      if (fieldBytes > limits.maxFieldsBytes) return tooLarge();
      if (name === fileField) return problem(name, 'invalid_type');
      if (info.valueTruncated) problem(name, 'too_long');
      if (form.fields.has(name) || duplicates.has(name)) {
        // The same field twice: which one the client meant is unknowable.
        duplicates.add(name);
        form.fields.delete(name);
        problem(name, 'invalid_type');
        return;
      }
      form.fields.set(name, value);
    });

    for (const event of ['partsLimit', 'filesLimit', 'fieldsLimit']) parser.on(event, () => tooLarge());
    parser.on('error', () => fail(new HttpError(400, 'bad_request', { closeConnection: true })));
    /**
     * The whole-file checks, one file after another (after a refusal the
     * rest is not judged: the answer is the same). A refused file is
     * deleted; an image's upload is replaced by its re-encoded file.
     */
    const judgeWholeFiles = async (files: ReceivedFile[]): Promise<ReceivedFile[]> => {
      const judged: ReceivedFile[] = [];
      for (const [index, file] of files.entries()) {
        try {
          judged.push(await checkStoredDocument(uploads, file));
        } catch (error) {
          if (!(error instanceof FileRefused)) {
            // Unexpected: the upload and everything judged so far go.
            await uploads.remove([file.storedName, ...judged.map((f) => f.storedName)]).catch(() => undefined);
            throw error;
          }
          form.refusals.push({ type: file.type, reason: error.message });
          problem(fileField, 'invalid_file_type');
          await uploads.remove([file.storedName]);
          return [...judged, ...files.slice(index + 1)];
        }
      }
      return judged;
    };

    parser.on('close', () => {
      void Promise.all(pending).then(async () => {
        if (failed) return;
        let files = accepted.filter((file): file is ReceivedFile => file !== undefined);
        if (files.length > 0 && !form.problems.has(fileField)) {
          try {
            files = await judgeWholeFiles(files);
          } catch (error) {
            return fail(error as Error);
          }
          if (failed) {
            // The client went away while the files were judged: nothing of them stays.
            await uploads.remove(files.map((file) => file.storedName)).catch(() => undefined);
            return;
          }
        }
        form.files = files;
        resolve(form);
      });
    });

    req.on('data', (chunk: Buffer) => {
      requestBytes += chunk.length;
      if (requestBytes > maxMultipartBytes(limits)) tooLarge();
    });
    // The client went away mid-body: what was written is removed.
    req.on('aborted', () => fail(new HttpError(400, 'bad_request', { closeConnection: true })));
    req.on('error', () => fail(new HttpError(400, 'bad_request', { closeConnection: true })));
    req.pipe(parser);
  });
}
