import { unsafeCSS, type CSSResult } from 'lit';

/** Whether `--egov-rem` is a registered length, so the kit's `rem` can follow the element instead of the page's root. */
let remRegistered: boolean | undefined;
function registerRem(): boolean {
  if (remRegistered === undefined) {
    try {
      CSS.registerProperty({ name: '--egov-rem', syntax: '<length>', inherits: true, initialValue: '16px' });
      remRegistered = true;
    } catch (error) {
      // Registered already (a second copy of the kit on the page), or no CSS.registerProperty (old browser, no DOM).
      remRegistered = error instanceof DOMException && error.name === 'InvalidModificationError';
    }
  }
  return remRegistered;
}

/**
 * Makes one of the kit's light-DOM sheets win over the host page, once, where
 * the sheet is defined: every declaration becomes `!important` and the whole
 * sheet goes into the cascade layer `egov`. Important declarations in a
 * layer beat the page's normal declarations of any specificity and its
 * unlayered `!important` ones (CSS Cascade 5); among themselves the kit's
 * rules keep their order and specificity. Custom properties (`--egov-*`
 * tokens) are inherited values, so a site's theme still reaches in.
 *
 * Rules whose selector starts with `:where(` stay normal: what the page may
 * override (the element's own box). `rem` becomes `--egov-rem`, the
 * element's font size, so a page that changes its root font size (Pico
 * does, by viewport width) does not resize the kit.
 */
export function kitSheet(styles: CSSResult): CSSResult {
  let text = styles.cssText
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/([^{}]*)\{([^{}]*)\}/g, (rule, selector: string, body: string) =>
      selector.trim().startsWith(':where(')
        ? rule
        : `${selector}{${body
            .split(';')
            .map((declaration) => (declaration.trim() && !declaration.includes('!important') ? `${declaration} !important` : declaration))
            .join(';')}}`,
    );
  if (registerRem()) text = text.replace(/(?<![\w.-])(-?\d*\.?\d+)rem\b/g, 'calc($1 * var(--egov-rem))');
  // A constant of the kit, never runtime input: that is why unsafeCSS is safe here.
  return unsafeCSS(`@layer egov{${text}}`);
}

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
