/**
 * Strict XML parsing and namespace-aware navigation for the trusted-list
 * reader. The parser is @xmldom/xmldom 0.8 — the same copy xml-crypto parses
 * with when it verifies the signature, so the document read here and the one
 * whose digest is checked come from one parser and one input. Anything the
 * parser merely warns about is refused, as is a DOCTYPE (no entity tricks).
 *
 * xmldom is loaded through `require` and typed by the small interfaces below:
 * its own declarations start with `/// <reference lib="dom" />`, which would
 * put the browser DOM types into the whole mock-server program (whose `lib` is
 * ES2023 only) and change how its other files type-check.
 */
import { createRequire } from 'node:module';
import { TrustedListError } from './errors.ts';
import { XML_NS } from './uris.ts';

export interface XmlNode {
  readonly nodeType: number;
  readonly firstChild: XmlNode | null;
  readonly nextSibling: XmlNode | null;
  readonly parentNode: XmlNode | null;
  readonly textContent: string | null;
}

export interface XmlElement extends XmlNode {
  readonly namespaceURI: string | null;
  readonly localName: string;
  /** xmldom 0.8 answers '' for an absent attribute. */
  getAttribute(name: string): string | null;
  getAttributeNS(namespace: string, localName: string): string | null;
}

export interface XmlDocument extends XmlNode {
  readonly documentElement: XmlElement | null;
  readonly doctype: XmlNode | null;
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<XmlElement>;
}

/** A parsed document, which always has a root element. */
export type ParsedXml = XmlDocument & { readonly documentElement: XmlElement };

type ErrorHandler = (message: unknown) => void;
interface XmldomModule {
  DOMParser: new (options: { locator: object; errorHandler: { warning: ErrorHandler; error: ErrorHandler; fatalError: ErrorHandler } }) => {
    parseFromString(source: string, mimeType: string): XmlDocument | undefined;
  };
}
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as XmldomModule;

export function malformed(message: string, cause?: unknown): TrustedListError {
  return new TrustedListError('malformed', message, cause === undefined ? undefined : { cause });
}

/** The document's text: bytes must be UTF-8 (a byte-order mark is dropped, as it is from a string). */
export function documentText(xml: Uint8Array | string): string {
  if (typeof xml === 'string') return xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch (error) {
    throw malformed('not UTF-8 text', error);
  }
}

export function parseXml(text: string): ParsedXml {
  const problems: string[] = [];
  const note = (message: unknown): void => {
    problems.push(String(message).replace(/\s+/g, ' ').trim());
  };
  let doc: XmlDocument | undefined;
  try {
    doc = new DOMParser({ locator: {}, errorHandler: { warning: note, error: note, fatalError: note } }).parseFromString(text, 'text/xml');
  } catch (error) {
    throw malformed('not well-formed XML', error);
  }
  if (problems.length > 0) throw malformed(`not well-formed XML (${problems[0]})`);
  if (!doc?.documentElement) throw malformed('not XML: no root element');
  if (doc.doctype) throw malformed('a DOCTYPE is not allowed in a trusted list');
  return doc as ParsedXml;
}

export function isElement(node: XmlNode, namespace: string, localName: string): boolean {
  return node.nodeType === 1 && (node as XmlElement).namespaceURI === namespace && (node as XmlElement).localName === localName;
}

/** The child elements of `parent` (in document order; none when it is absent), optionally only those with a name. */
export function childElements(parent: XmlNode | undefined, namespace?: string, localName?: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (let node = parent?.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    if (namespace === undefined || isElement(node, namespace, localName ?? (node as XmlElement).localName)) found.push(node as XmlElement);
  }
  return found;
}

export function child(parent: XmlNode, namespace: string, localName: string): XmlElement | undefined {
  return childElements(parent, namespace, localName)[0];
}

/** Follows a path of child elements, all in one namespace; `undefined` where one is missing. */
export function path(parent: XmlNode, namespace: string, ...names: string[]): XmlElement | undefined {
  let current: XmlNode | undefined = parent;
  for (const name of names) current = current && child(current, namespace, name);
  return current as XmlElement | undefined;
}

export function requiredPath(parent: XmlNode, namespace: string, ...names: string[]): XmlElement {
  const found = path(parent, namespace, ...names);
  if (!found) throw malformed(`missing ${names.join('/')} in ${(parent as XmlElement).localName ?? 'the document'}`);
  return found;
}

/** The trimmed text of an element. */
export function text(element: XmlElement): string {
  return (element.textContent ?? '').trim();
}

/** The bytes of an element's base64 content (whitespace allowed), or `undefined` when it is not base64. */
export function base64Content(element: XmlElement): Uint8Array | undefined {
  const compact = text(element).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/** The element's `xml:lang`, lower-cased ('' when absent). */
export function languageOf(element: XmlElement): string {
  return (element.getAttributeNS(XML_NS, 'lang') || '').toLowerCase();
}

export function isEnglish(element: XmlElement): boolean {
  const language = languageOf(element);
  return language === 'en' || language.startsWith('en-');
}
