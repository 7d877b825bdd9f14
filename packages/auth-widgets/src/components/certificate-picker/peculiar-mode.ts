/**
 * The picker's `ui="peculiar"` mode: PeculiarVentures'
 * `<peculiar-fortify-certificates>` draws the certificate list inside the
 * kit's picker. Only the picker imports this module, and only in that mode
 * (a dynamic import), so neither the password path nor the kit's own
 * picker downloads the element (about 200 KB gzip).
 *
 * The per-component build is used: the package's lazy loader does not work
 * under Vite 8 (TOOLCHAIN.md).
 */
import { defineCustomElement } from '@peculiar/fortify-webcomponents/components/peculiar-fortify-certificates.js';
import type { CertificationBody } from '../../client/contract.js';
import type { SocketSelectionDetail } from '../../agent/socket-selection.js';

export { readSocketSelection, signWithSocketSelection, type SocketSelection, type SocketSelectionDetail } from '../../agent/socket-selection.js';

export const PECULIAR_CERTIFICATES_TAG = 'peculiar-fortify-certificates';

/** The element's `filters` (its TFilters), as far as the kit sets them. */
export interface PeculiarFilters {
  onlyWithPrivateKey: boolean;
  /** `false`: certificates past their notAfter are not listed. */
  expired: boolean;
  /** `false`: CA certificates are not listed. */
  ca: boolean;
  /** Tested against the certificate's issuer DN as Fortify formats it. */
  issuerDNMatch: RegExp;
}

/** Defines the element (and the ones it uses) once per page. */
export function definePeculiarCertificates(): void {
  if (!customElements.get(PECULIAR_CERTIFICATES_TAG)) defineCustomElement();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A pattern for one issuer name inside a DN string: any run of spaces
 * matches any other, and a comma, plus or semicolon in the name may come
 * escaped (RFC 4514) or not.
 */
function issuerNamePattern(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/[,+;]/g, '\\\\?$&'))
    .join('\\s+');
}

/**
 * Matches an issuer DN (`CN=…, O=…, C=RS`, in any order, also with `/`
 * separators or OIDs for the attribute types) whose common name or
 * organization is one of the directory's `issuerNames` — the name rule of
 * `findCertificationBody`, whole values only, case aside. The element only
 * sees DN strings, so bodies with `issuers` are pre-filtered by the names
 * the backend derives from them; `describeCertificate` then checks the
 * chosen certificate by its issuer DER and authority key identifier. With
 * an empty directory it matches nothing.
 */
export function issuerMatcher(directory: readonly CertificationBody[]): RegExp {
  const names = [...new Set(directory.flatMap((body) => body.issuerNames).filter((name) => name.trim() !== ''))];
  if (names.length === 0) return /(?!)/;
  const values = names.map(issuerNamePattern).join('|');
  return new RegExp(`(?:^|[,;+/])\\s*(?:CN|O|2\\.5\\.4\\.3|2\\.5\\.4\\.10)\\s*=\\s*"?(?:${values})"?\\s*(?=$|[,;+/])`, 'iu');
}

/**
 * Only certificates with their private key, issued by a configured
 * certification body, not expired, not CA certificates. The element has no
 * "not yet valid" filter: the picker checks the chosen certificate with
 * `describeCertificate` before it reports a choice.
 */
export function peculiarFilters(directory: readonly CertificationBody[]): PeculiarFilters {
  return { onlyWithPrivateKey: true, expired: false, ca: false, issuerDNMatch: issuerMatcher(directory) };
}

export interface PeculiarHandlers {
  onSelected: (detail: SocketSelectionDetail, element: HTMLElement) => void;
  onCancelled: (element: HTMLElement) => void;
}

/**
 * A new, not yet connected element with its filters set: the element reads
 * `filters` once, when it loads, so they must be there before it is
 * connected (a change means a new element).
 */
export function createPeculiarCertificates(directory: readonly CertificationBody[], handlers: PeculiarHandlers): HTMLElement {
  definePeculiarCertificates();
  const element = document.createElement(PECULIAR_CERTIFICATES_TAG);
  element.filters = peculiarFilters(directory) as unknown as typeof element.filters;
  // It has no Serbian; say so to assistive technology rather than let English be read as Serbian.
  element.language = 'en';
  element.lang = 'en';
  // Its footer is a logo link with no accessible name (axe: link-name) and a copyright line; the kit's help stands around it.
  element.hideFooter = true;
  element.classList.add('egov-peculiar');
  element.addEventListener('selectionSuccess', (event) => handlers.onSelected((event as CustomEvent<SocketSelectionDetail>).detail, element));
  element.addEventListener('selectionCancel', () => handlers.onCancelled(element));
  return element;
}

// ------------------------------------------------------------------ keyboard shortcuts

/**
 * The element listens on `document` for Shift+D (downloads its debug log
 * as a file) and Shift+R (drops the filters), whatever has focus: typing a
 * capital D or R in a form field on the page would trigger them. While a
 * peculiar picker is on the page, a capture listener on `window` stops
 * those two keydowns when they come from an editable element, before they
 * reach `document`. The character is still typed (nothing is prevented);
 * keydown listeners of the field itself do not see these two keys either.
 */
let guards = 0;

function isEditable(target: EventTarget | undefined): boolean {
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLElement && target.isContentEditable;
}

function swallowShortcut(event: KeyboardEvent): void {
  if (!event.shiftKey || (event.code !== 'KeyD' && event.code !== 'KeyR')) return;
  // composedPath: a field inside a shadow root shows up as its host at window level.
  if (isEditable(event.composedPath()[0])) event.stopPropagation();
}

/** Starts guarding (once for all pickers on the page); the returned function ends this picker's share, once. */
export function guardPeculiarShortcuts(): () => void {
  if (guards++ === 0) window.addEventListener('keydown', swallowShortcut, true);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--guards === 0) window.removeEventListener('keydown', swallowShortcut, true);
  };
}
