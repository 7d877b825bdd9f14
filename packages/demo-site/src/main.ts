import '@egov/auth-widgets/define/all';
import { FetchAuthClient, LOCALE_NAMES, SUPPORTED_LOCALES, localeDirection, parseLocale, type Locale } from '@egov/auth-widgets';
import { html, nothing, render } from 'lit';
import type { DemoTextKey } from './demo-texts.ts';
import { demoTexts } from './locales/index.ts';
import {
  DIRECTIONS,
  THEMES,
  VIEW_PARAMS,
  WIDTHS,
  pageDirection,
  pageLocale,
  pageTheme,
  pageWidth,
  parseDirection,
  parseTheme,
  parseWidth,
  rememberInUrl,
  themeHref,
  type Direction,
  type Theme,
  type Width,
} from './view-settings.ts';

// Certificate login through Fortify is opt-in (its packages are optional). The
// demo takes the kit's smallest client unless it shows Peculiar's picker
// (?picker=peculiar), whose entry brings both pickers with one client copy:
// each is proven end to end.
if (new URLSearchParams(location.search).get('picker') === 'peculiar') await import('@egov/auth-widgets/fortify-peculiar');
else await import('@egov/auth-widgets/fortify');

type Page = 'home' | 'gallery' | 'login' | 'register' | 'reset' | 'confirm' | 'dev' | 'tokens' | 'api';

const PAGES: { page: Page; href: string; label: DemoTextKey; title: DemoTextKey }[] = [
  { page: 'home', href: '/', label: 'pageHome', title: 'titleHome' },
  { page: 'gallery', href: '/gallery.html', label: 'pageGallery', title: 'titleGallery' },
  { page: 'login', href: '/login.html', label: 'pageLogin', title: 'titleLogin' },
  { page: 'register', href: '/register.html', label: 'pageRegister', title: 'titleRegister' },
  { page: 'reset', href: '/reset-password.html', label: 'pageReset', title: 'titleReset' },
  { page: 'confirm', href: '/confirm-email.html', label: 'pageConfirm', title: 'titleConfirm' },
  { page: 'dev', href: '/dev.html', label: 'pageDev', title: 'titleDev' },
  { page: 'tokens', href: '/tokens.html', label: 'pageTokens', title: 'titleTokens' },
  { page: 'api', href: '/api.html', label: 'pageApi', title: 'titleApi' },
];

const THEME_LABELS: Record<Theme, DemoTextKey> = { kit: 'themeKit', interior: 'themeInterior', health: 'themeHealth', finance: 'themeFinance' };
const WIDTH_LABELS: Record<Width, DemoTextKey> = { phone: 'widthPhone', tablet: 'widthTablet', desktop: 'widthDesktop' };
const DIRECTION_LABELS: Record<Direction, DemoTextKey> = { auto: 'directionAuto', ltr: 'directionLtr', rtl: 'directionRtl' };

const page = (document.body.dataset['page'] ?? 'login') as Page;
/** Pages that show the kit's elements in frames offer the width preview. */
const previews = document.body.hasAttribute('data-previews');

/** One row of choices drawn as links (each a shareable address), the current one marked. */
const choices = <T extends string>(param: string, values: readonly T[], label: DemoTextKey, names: Record<T, DemoTextKey>) =>
  html`<nav class="demo-choices" data-demo-label=${label} data-choices=${param}>
    <span class="demo-choices-label" data-demo-text=${label} aria-hidden="true"></span>
    <ul>
      ${values.map((value) => html`<li><a href=${`?${param}=${value}`} data-choice=${value} data-demo-text=${names[value]}></a></li>`)}
    </ul>
  </nav>`;

// The locale menu names each language in its own script.
render(
  html`<p class="demo-brand">eGov Auth Kit <span class="demo-tag">demo</span></p>
    <nav class="demo-pages" data-demo-label="demoPages">
      <ul>
        ${PAGES.map((p) => html`<li><a href=${p.href} data-page=${p.page} data-keeps-view data-demo-text=${p.label}></a></li>`)}
      </ul>
    </nav>
    <p class="demo-agent"><a data-agent-switch data-keeps-view href="?agent=fortify"></a></p>
    <nav class="demo-locales" aria-label="Language / Језик / Jezik / Язык / Мова / 语言 / Dil / اللغة">
      <ul>
        ${SUPPORTED_LOCALES.map(
          (locale) => html`<li><a href=${`?locale=${locale}`} lang=${locale} hreflang=${locale} data-locale=${locale}>${LOCALE_NAMES[locale]}</a></li>`,
        )}
      </ul>
    </nav>
    <div class="demo-view">
      ${choices('theme', THEMES, 'themeLabel', THEME_LABELS)} ${previews ? choices('width', Object.keys(WIDTHS) as Width[], 'widthLabel', WIDTH_LABELS) : nothing}
      ${choices('dir', DIRECTIONS, 'directionLabel', DIRECTION_LABELS)}
    </div>`,
  document.querySelector<HTMLElement>('.demo-header')!,
);

const eventLog = document.querySelector<HTMLElement>('#demo-event');

// Certificate login needs a local agent. The demo uses the in-browser demo agent
// (test keys from the mock server) unless ?agent=fortify asks for the real app.
const agent = new URLSearchParams(location.search).get('agent') === 'fortify' ? 'fortify' : 'soft';

/** Marks the current choice of a row of choices. */
function markChoice(param: string, value: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>(`[data-choices=${param}] a[data-choice]`)) {
    link.setAttribute('aria-current', String(link.dataset['choice'] === value));
  }
}

/** Moving between the demo pages keeps the language, theme and width. */
function updatePageLinks(): void {
  const current = new URLSearchParams(location.search);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keeps-view]')) {
    const url = new URL(link.href);
    for (const param of VIEW_PARAMS) {
      const value = current.get(param);
      if (value) url.searchParams.set(param, value);
      else url.searchParams.delete(param);
    }
    link.href = url.pathname + url.search;
    if (link.dataset['page'] === page) link.setAttribute('aria-current', 'page');
  }
}

/** The locale comes from ?locale=…, so each language has its own address to share or screenshot. */
function applyLocale(locale: Locale): void {
  const texts = demoTexts(locale);
  // Every kit element on the page follows at once: each <egov-auth> hands the locale down.
  for (const auth of document.querySelectorAll('egov-auth')) auth.locale = locale;
  document.documentElement.lang = locale;
  applyDirection(pageDirection(), locale);
  const title = PAGES.find((p) => p.page === page)?.title;
  const heading = document.querySelector('.demo-title');
  if (title && heading) heading.textContent = texts[title];
  // The page's own texts: the skip link, the header, "Back to log in", "Log out".
  for (const element of document.querySelectorAll<HTMLElement>('[data-demo-text]')) {
    element.textContent = texts[element.dataset['demoText'] as DemoTextKey];
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-demo-label]')) {
    element.setAttribute('aria-label', texts[element.dataset['demoLabel'] as DemoTextKey]);
  }
  agentSwitch.textContent = agent === 'soft' ? texts.agentDemo : texts.agentFortify;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-locale]')) {
    link.setAttribute('aria-current', String(link.dataset['locale'] === locale));
  }
}

/** The theme: one stylesheet of `--egov-*` tokens, swapped in place. */
function applyTheme(theme: Theme): void {
  const href = themeHref(theme);
  let link = document.querySelector<HTMLLinkElement>('link#demo-theme');
  if (!href) link?.remove();
  else {
    link ??= Object.assign(document.createElement('link'), { id: 'demo-theme', rel: 'stylesheet' });
    link.href = href;
    document.head.append(link);
  }
  document.documentElement.dataset['theme'] = theme;
  markChoice('theme', theme);
}

/** The page's direction: its language's (Arabic right to left), or the one chosen. */
function applyDirection(direction: Direction, locale: Locale = pageLocale()): void {
  document.documentElement.dir = direction === 'auto' ? localeDirection(locale) : direction;
  markChoice('dir', direction);
}

function applyWidth(width: Width): void {
  document.documentElement.dataset['width'] = width;
  markChoice('width', width);
}

const agentSwitch = document.querySelector<HTMLAnchorElement>('[data-agent-switch]')!;
const other = new URL(location.href);
other.searchParams.set('agent', agent === 'soft' ? 'fortify' : 'soft');
agentSwitch.href = other.pathname + other.search;

applyLocale(parseLocale(new URLSearchParams(location.search).get('locale')) ?? 'en');
applyTheme(pageTheme());
applyWidth(pageWidth());
updatePageLinks();

for (const auth of document.querySelectorAll('egov-auth')) auth.certificateAgent = agent;
// ?picker=peculiar shows Peculiar Ventures' own <peculiar-fortify-certificates> instead of the kit's list.
if (new URLSearchParams(location.search).get('picker') === 'peculiar') document.querySelector('egov-auth')?.setAttribute('picker-ui', 'peculiar');

// Switch at runtime, without a reload: what is typed stays.
for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-locale]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const locale = parseLocale(link.dataset['locale'])!;
    rememberInUrl('locale', locale, 'en');
    applyLocale(locale);
    updatePageLinks();
  });
}
for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-choices] a[data-choice]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const param = link.closest<HTMLElement>('[data-choices]')!.dataset['choices']!;
    const value = link.dataset['choice']!;
    if (param === 'theme') {
      rememberInUrl('theme', value, 'kit');
      applyTheme(parseTheme(value)!);
    } else if (param === 'dir') {
      rememberInUrl('dir', value, 'auto');
      applyDirection(parseDirection(value)!);
    } else {
      rememberInUrl('width', value, 'desktop');
      applyWidth(parseWidth(value)!);
    }
    updatePageLinks();
  });
}

const auth = document.querySelector('egov-auth');

// After a login the page offers to log out, as a portal's page does: the
// kit's client ends the session at the backend, and a new <egov-login> (in
// the page's language, from <egov-auth>) takes the place of the old one.
const logout = document.querySelector<HTMLElement>('[data-demo-logout]');
const sessionStatus = document.querySelector<HTMLElement>('[data-demo-session-status]');
if (auth && logout && sessionStatus) {
  const button = logout.querySelector('button')!;
  const client = new FetchAuthClient({
    baseUrl: new URL(auth.getAttribute('backend-url') ?? '/api', location.href).href,
    locale: () => document.documentElement.lang,
  });
  /** Says what happened and takes the focus there: the button that had it is gone, or did not work. */
  const say = (key: 'loggedOut' | 'logOutFailed') => {
    sessionStatus.dataset['demoText'] = key;
    sessionStatus.textContent = demoTexts(parseLocale(document.documentElement.lang) ?? 'en')[key];
    sessionStatus.hidden = false;
    sessionStatus.focus();
  };
  document.addEventListener('egov-login-success', () => {
    sessionStatus.hidden = true;
    logout.hidden = false;
  });
  button.addEventListener('click', async () => {
    try {
      await client.logout();
    } catch {
      say('logOutFailed');
      return;
    }
    logout.hidden = true;
    auth.querySelector('egov-login')?.replaceWith(document.createElement('egov-login'));
    say('loggedOut');
  });
}

// What the host page hears: every kit event, shown for designers and integrators.
for (const name of [
  'egov-login-success',
  'egov-login-error',
  'egov-registration-submitted',
  'egov-email-confirmed',
  'egov-password-reset-requested',
  'egov-password-changed',
] as const) {
  document.addEventListener(name, (event) => {
    if (eventLog) eventLog.textContent = `${name}: ${JSON.stringify((event as CustomEvent).detail)}`;
  });
}
