import '@egov/auth-widgets/define/all';
import { FetchAuthClient, LOCALE_NAMES, SUPPORTED_LOCALES, parseLocale, type Locale } from '@egov/auth-widgets';
import { html, render } from 'lit';
import { DEMO_TEXTS, type DemoTextKey } from './demo-texts.ts';

// Certificate login through Fortify is opt-in (its packages are optional). The
// demo takes the kit's smallest client unless it shows Peculiar's picker
// (?picker=peculiar), whose entry brings both pickers with one client copy:
// each is proven end to end.
if (new URLSearchParams(location.search).get('picker') === 'peculiar') await import('@egov/auth-widgets/fortify-peculiar');
else await import('@egov/auth-widgets/fortify');

type Page = 'login' | 'register' | 'confirm' | 'reset' | 'states' | 'dev';

const PAGES: { page: Page; href: string; label: DemoTextKey }[] = [
  { page: 'login', href: '/', label: 'pageLogin' },
  { page: 'register', href: '/register.html', label: 'pageRegister' },
  { page: 'reset', href: '/reset-password.html', label: 'pageReset' },
  { page: 'confirm', href: '/confirm-email.html', label: 'pageConfirm' },
  { page: 'states', href: '/states.html', label: 'pageStates' },
  { page: 'dev', href: '/dev.html', label: 'pageDev' },
];

const PAGE_TITLES: Record<Page, DemoTextKey> = {
  login: 'titleLogin',
  register: 'titleRegister',
  confirm: 'titleConfirm',
  reset: 'titleReset',
  states: 'titleStates',
  dev: 'titleDev',
};

const page = (document.body.dataset['page'] ?? 'login') as Page;

// The locale menu names each language in its own script.
render(
  html`<p class="demo-brand">eGov Auth Kit <span class="demo-tag">demo</span></p>
    <nav class="demo-pages" data-demo-label="demoPages">
      <ul>
        ${PAGES.map((p) => html`<li><a href=${p.href} data-page=${p.page} data-keeps-locale data-demo-text=${p.label}></a></li>`)}
      </ul>
    </nav>
    <p class="demo-agent"><a data-agent-switch data-keeps-locale href="?agent=fortify"></a></p>
    <nav class="demo-locales" aria-label="Language / Језик / Jezik">
      <ul>
        ${SUPPORTED_LOCALES.map(
          (locale) => html`<li><a href=${`?locale=${locale}`} lang=${locale} hreflang=${locale} data-locale=${locale}>${LOCALE_NAMES[locale]}</a></li>`,
        )}
      </ul>
    </nav>`,
  document.querySelector<HTMLElement>('.demo-header')!,
);

const auth = document.querySelector('egov-auth');
const eventLog = document.querySelector<HTMLElement>('#demo-event')!;

// Certificate login needs a local agent. The demo uses the in-browser demo agent
// (test keys from the mock server) unless ?agent=fortify asks for the real app.
const agent = new URLSearchParams(location.search).get('agent') === 'fortify' ? 'fortify' : 'soft';

/** The locale comes from ?locale=…, so each language has its own address to share or screenshot. */
function applyLocale(locale: Locale): void {
  const texts = DEMO_TEXTS[locale];
  if (auth) auth.locale = locale;
  document.documentElement.lang = locale;
  document.querySelector('.demo-title')!.textContent = texts[PAGE_TITLES[page]];
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
  // Moving between the demo pages keeps the language.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keeps-locale]')) {
    const url = new URL(link.href);
    url.searchParams.set('locale', locale);
    link.href = url.pathname + url.search;
    if (link.dataset['page'] === page) link.setAttribute('aria-current', 'page');
  }
}

const agentSwitch = document.querySelector<HTMLAnchorElement>('[data-agent-switch]')!;
const other = new URL(location.href);
other.searchParams.set('agent', agent === 'soft' ? 'fortify' : 'soft');
agentSwitch.href = other.pathname + other.search;

applyLocale(parseLocale(new URLSearchParams(location.search).get('locale')) ?? 'en');

if (auth) auth.certificateAgent = agent;
// ?picker=peculiar shows Peculiar Ventures' own <peculiar-fortify-certificates> instead of the kit's list.
if (auth && new URLSearchParams(location.search).get('picker') === 'peculiar') auth.setAttribute('picker-ui', 'peculiar');

// Switch at runtime, without a reload: what is typed stays.
for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-locale]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const locale = parseLocale(link.dataset['locale'])!;
    const url = new URL(location.href);
    url.searchParams.set('locale', locale);
    history.replaceState(history.state, '', url.pathname + url.search);
    applyLocale(locale);
  });
}

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
    sessionStatus.textContent = DEMO_TEXTS[parseLocale(document.documentElement.lang) ?? 'en'][key];
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
    eventLog.textContent = `${name}: ${JSON.stringify((event as CustomEvent).detail)}`;
  });
}
