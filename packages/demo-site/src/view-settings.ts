// What a designer chooses for the whole demo — language, theme, preview
// width — each kept in the page's address (?locale=, ?theme=, ?width=), so a
// view can be linked, and each switchable at runtime without a reload.
// main.ts draws the controls; a page's own script reads the current choice
// here and follows changes with `onLocaleChange`.
import { parseLocale, type Locale } from '@egov/auth-widgets';

/** The example ministry themes, each only `--egov-*` tokens in public/themes/<id>.css; `kit` is the kit's defaults (no file). */
export const THEMES = ['kit', 'interior', 'health', 'finance'] as const;
export type Theme = (typeof THEMES)[number];

/** The preview widths: the frames that hold the elements take the width of a phone, a tablet or the whole column. */
export const WIDTHS = { phone: 360, tablet: 768, desktop: undefined } as const;
export type Width = keyof typeof WIDTHS;

/**
 * The page's writing direction: the language's own (`auto`: Arabic right to
 * left), or forced either way, to see the elements inside a page of the
 * other direction (an English form on an Arabic portal). The elements keep
 * their language's direction whatever the page's.
 */
export const DIRECTIONS = ['auto', 'ltr', 'rtl'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The query parameters a link between demo pages carries over. */
export const VIEW_PARAMS = ['locale', 'theme', 'width', 'dir'] as const;

const query = () => new URLSearchParams(location.search);

export function parseTheme(value: string | null | undefined): Theme | undefined {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : undefined;
}

export function parseWidth(value: string | null | undefined): Width | undefined {
  return value && Object.hasOwn(WIDTHS, value) ? (value as Width) : undefined;
}

/**
 * The page's language: the address's ?locale= (main.ts keeps it there at
 * every switch, then sets <html lang>), else <html lang>. The address comes
 * first because a page script may start before main.ts has set the lang.
 */
export function pageLocale(): Locale {
  return parseLocale(query().get('locale')) ?? parseLocale(document.documentElement.lang) ?? 'en';
}

export function parseDirection(value: string | null | undefined): Direction | undefined {
  return (DIRECTIONS as readonly string[]).includes(value ?? '') ? (value as Direction) : undefined;
}

export function pageDirection(): Direction {
  return parseDirection(query().get('dir')) ?? 'auto';
}

export function pageTheme(): Theme {
  return parseTheme(query().get('theme')) ?? 'kit';
}

export function pageWidth(): Width {
  return parseWidth(query().get('width')) ?? 'desktop';
}

/** Calls `listener` with the new language each time the language menu changes it (not at once). */
export function onLocaleChange(listener: (locale: Locale) => void): () => void {
  const observer = new MutationObserver(() => listener(pageLocale()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}

/** The theme's stylesheet URL, or undefined for the kit's own defaults. */
export function themeHref(theme: Theme): string | undefined {
  return theme === 'kit' ? undefined : `/themes/${theme}.css`;
}

/** Puts the choice into the address bar without a reload or a history entry. */
export function rememberInUrl(name: (typeof VIEW_PARAMS)[number], value: string, defaultValue: string): void {
  const url = new URL(location.href);
  if (value === defaultValue && name !== 'locale') url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}
