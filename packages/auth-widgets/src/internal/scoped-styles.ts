import type { CSSResult } from 'lit';

/**
 * Adopts a constructed stylesheet into the document or shadow root the host
 * lives in, once per root. Used by elements that render in the light DOM so
 * password managers can see their inputs. Constructed sheets need no inline
 * style, so a strict CSP (`style-src 'self'`) is kept.
 */
export function adoptScopedStyles(host: Element, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  const root = host.getRootNode();
  if (!sheet || !(root instanceof Document || root instanceof ShadowRoot)) return;
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
