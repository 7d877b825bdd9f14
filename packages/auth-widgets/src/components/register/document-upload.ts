import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DocumentType, UploadPolicy } from '../../client/contract.js';
import type { CommonMessages } from '../../i18n/locales/en/common.js';
import type { RegisterMessages } from '../../i18n/locales/en/register.js';
import { renderFieldError, renderRequiredMark } from '../../internal/fields.js';
import type { Problem } from '../../internal/problems.js';

export interface AttachedDocument {
  id: number;
  file: File;
  type: DocumentType;
  /** An object URL for an image's thumbnail; PDFs show name and size. */
  previewUrl?: string;
}

/** The type a file's first bytes say it is; the backend checks the same way (SECURITY.md 24). */
export async function sniffDocumentType(file: Blob): Promise<DocumentType | undefined> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return undefined;
}

/** "3 MB", "850 kB" in the reader's locale, in Latin digits (as the kit writes every number). */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, bytes / 1024), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0, numberingSystem: 'latn' }).format(value);
}

/** The texts the document upload uses. */
type Texts = CommonMessages & RegisterMessages;

export interface DocumentUploadView {
  t: Texts;
  locale: string;
  policy: UploadPolicy;
  /** Id of the "Choose files" button: the error summary links here. */
  id: string;
  required: boolean;
  /** "(optional)" in the form's language, after the legend when no document is required. */
  optionalText?: string;
  /** What is wrong, one line each: a submit's problem, each picked file's. */
  errors: readonly string[];
  /** 0–100 while sending, else undefined. */
  progress?: number;
  disabled: boolean;
}

/**
 * The ID document part of the registration form: file picker, camera on
 * phones, drag and drop, previews, remove. Files are checked for type (by
 * content) and size before sending, only to tell the person early — the
 * backend checks again. The files stay here when a submission fails.
 */
export class DocumentUpload implements ReactiveController {
  documents: AttachedDocument[] = [];
  /** Problems with the files last picked (wrong type, too large, too many). */
  problems: Problem<Texts>[] = [];
  #nextId = 1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly field: string,
  ) {
    host.addController(this);
  }

  /** The element came (back) to the page: the images get their previews again. */
  hostConnected(): void {
    let made = false;
    this.documents = this.documents.map((d) => {
      if (d.previewUrl || d.type === 'application/pdf') return d;
      made = true;
      return { ...d, previewUrl: URL.createObjectURL(d.file) };
    });
    if (made) this.host.requestUpdate();
  }

  /** The element left the page: the previews' memory is freed (the files themselves stay, for when it comes back). */
  hostDisconnected(): void {
    for (const d of this.documents) if (d.previewUrl) URL.revokeObjectURL(d.previewUrl);
    this.documents = this.documents.map(({ previewUrl: _previewUrl, ...d }) => d);
  }

  /** Each file that is not attached gets its own problem, naming it. */
  async add(files: Iterable<File>, policy: UploadPolicy): Promise<void> {
    const problems: Problem<Texts>[] = [];
    for (const file of files) {
      const type = await sniffDocumentType(file);
      if (!type || !policy.acceptedTypes.includes(type)) {
        problems.push({ field: this.field, text: (t) => t.fileWrongType(file.name) });
      } else if (file.size > policy.maxFileBytes) {
        problems.push({ field: this.field, text: (t) => t.fileTooLarge(file.name, formatBytes(policy.maxFileBytes, this.#locale)) });
      } else if (this.documents.length >= policy.maxFiles) {
        problems.push({ field: this.field, text: (t) => t.fileTooMany(file.name, policy.maxFiles) });
      } else {
        this.documents = [
          ...this.documents,
          { id: this.#nextId++, file, type, previewUrl: type === 'application/pdf' ? undefined : URL.createObjectURL(file) },
        ];
      }
    }
    this.problems = problems;
    this.host.requestUpdate();
  }

  remove(id: number): void {
    const removed = this.documents.find((d) => d.id === id);
    if (removed?.previewUrl) URL.revokeObjectURL(removed.previewUrl);
    this.documents = this.documents.filter((d) => d.id !== id);
    this.problems = [];
    this.host.requestUpdate();
  }

  #locale = 'en';

  render(view: DocumentUploadView): TemplateResult {
    const { t, locale, policy, id, required, optionalText, errors, progress, disabled } = view;
    const error = errors.length > 0;
    this.#locale = locale;
    const full = this.documents.length >= policy.maxFiles;
    const accept = policy.acceptedTypes.join(',');
    const hintId = `${id}-hint`;
    const pick = (event: Event) => {
      const input = event.target as HTMLInputElement;
      if (input.files) void this.add([...input.files], policy);
      input.value = '';
    };
    const open = (inputId: string) => (this.host as unknown as HTMLElement).querySelector<HTMLInputElement>(`#${inputId}`)?.click();
    // Phones and tablets: the camera is the scanner most people have.
    const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    return html`<fieldset class="egov-fieldset ${error ? 'egov-field--error' : ''}" aria-describedby=${hintId}>
      <legend class="egov-legend">${t.documentsLegend}${renderRequiredMark(required, optionalText)}</legend>
      <div class="egov-hint" id=${hintId}>${t.documentsHint(policy.maxFiles, formatBytes(policy.maxFileBytes, locale))}</div>
      ${renderFieldError(t, id, errors)}
      <div
        class="egov-dropzone"
        @dragover=${(e: DragEvent) => e.preventDefault()}
        @drop=${(e: DragEvent) => {
          e.preventDefault();
          if (!disabled && e.dataTransfer?.files) void this.add([...e.dataTransfer.files], policy);
        }}
      >
        <input type="file" id=${`${id}-input`} hidden multiple accept=${accept} @change=${pick} />
        <input type="file" id=${`${id}-camera`} hidden accept="image/*" capture="environment" @change=${pick} />
        <button
          type="button"
          class="egov-button egov-button--secondary"
          id=${id}
          aria-describedby=${`${hintId}${error ? ` ${id}-error` : ''}`}
          aria-disabled=${full || disabled ? 'true' : 'false'}
          @click=${() => !full && !disabled && open(`${id}-input`)}
        >
          ${t.chooseFiles}
        </button>
        ${coarse
          ? html`<button
              type="button"
              class="egov-button egov-button--secondary"
              aria-disabled=${full || disabled ? 'true' : 'false'}
              @click=${() => !full && !disabled && open(`${id}-camera`)}
            >
              ${t.takePhoto}
            </button>`
          : nothing}
        <span class="egov-hint">${t.dropFiles}</span>
      </div>
      ${this.documents.length > 0
        ? html`<ul class="egov-files" aria-label=${t.attachedFiles}>
            ${this.documents.map(
              (d) => html`<li class="egov-file">
                ${d.previewUrl
                  ? html`<img class="egov-file-preview" src=${d.previewUrl} alt="" />`
                  : html`<span class="egov-file-preview egov-file-preview--pdf" aria-hidden="true">PDF</span>`}
                <bdi class="egov-file-name">${d.file.name}</bdi>
                <span class="egov-file-size">${formatBytes(d.file.size, locale)}</span>
                <button
                  type="button"
                  class="egov-button egov-button--secondary egov-button--small"
                  aria-label=${t.removeFile(d.file.name)}
                  aria-disabled=${disabled ? 'true' : 'false'}
                  @click=${() => !disabled && this.remove(d.id)}
                >
                  ${t.remove}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${progress !== undefined
        ? html`<div class="egov-progress">
            <label class="egov-hint" for=${`${id}-progress`}>${t.uploadProgress(progress)}</label>
            <progress id=${`${id}-progress`} max="100" .value=${progress}></progress>
          </div>`
        : nothing}
    </fieldset>`;
  }
}
