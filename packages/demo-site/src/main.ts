import '@egov/auth-widgets/define/all';
import { LOCALE_NAMES, SUPPORTED_LOCALES, parseLocale, type Locale } from '@egov/auth-widgets';
import { html, render } from 'lit';

// Certificate login through Fortify is opt-in (its packages are optional). The
// demo takes the kit's smallest client unless it shows Peculiar's picker
// (?picker=peculiar), whose entry brings both pickers with one client copy:
// each is proven end to end.
if (new URLSearchParams(location.search).get('picker') === 'peculiar') await import('@egov/auth-widgets/fortify-peculiar');
else await import('@egov/auth-widgets/fortify');

type Page = 'login' | 'register' | 'confirm' | 'reset' | 'states' | 'dev';

const PAGES: { page: Page; href: string; label: string }[] = [
  { page: 'login', href: '/', label: 'Login' },
  { page: 'register', href: '/register.html', label: 'Register' },
  { page: 'reset', href: '/reset-password.html', label: 'Password reset' },
  { page: 'confirm', href: '/confirm-email.html', label: 'E-mail confirmation' },
  { page: 'states', href: '/states.html', label: 'Picker states' },
  { page: 'dev', href: '/dev.html', label: 'Outbox and review' },
];

const PAGE_TITLES: Record<Page, Record<Locale, string>> = {
  login: { en: 'Login', 'sr-Latn': 'Prijava', 'sr-Cyrl': 'Пријава' },
  register: { en: 'Registration', 'sr-Latn': 'Registracija', 'sr-Cyrl': 'Регистрација' },
  confirm: { en: 'E-mail confirmation', 'sr-Latn': 'Potvrda adrese elektronske pošte', 'sr-Cyrl': 'Потврда адресе електронске поште' },
  reset: { en: 'Password reset', 'sr-Latn': 'Zaboravljena lozinka', 'sr-Cyrl': 'Заборављена лозинка' },
  states: { en: 'Certificate picker states', 'sr-Latn': 'Stanja izbora sertifikata', 'sr-Cyrl': 'Стања избора сертификата' },
  // A developer's page: English only.
  dev: { en: 'Outbox and review', 'sr-Latn': 'Outbox and review', 'sr-Cyrl': 'Outbox and review' },
};

const page = (document.body.dataset['page'] ?? 'login') as Page;

// The locale menu names each language in its own script.
render(
  html`<p class="demo-brand">eGov Auth Kit <span class="demo-tag">demo</span></p>
    <nav class="demo-pages" aria-label="Demo pages">
      <ul>
        ${PAGES.map((p) => html`<li><a href=${p.href} data-page=${p.page}>${p.label}</a></li>`)}
      </ul>
    </nav>
    <p class="demo-agent"><a data-agent-switch href="?agent=fortify"></a></p>
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

/** The locale comes from ?locale=…, so each language has its own address to share or screenshot. */
function applyLocale(locale: Locale): void {
  if (auth) auth.locale = locale;
  document.documentElement.lang = locale;
  document.querySelector('.demo-title')!.textContent = PAGE_TITLES[page][locale];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-locale]')) {
    link.setAttribute('aria-current', String(link.dataset['locale'] === locale));
  }
  // Moving between the demo pages keeps the language.
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.demo-pages a')) {
    const url = new URL(link.href);
    url.searchParams.set('locale', locale);
    link.href = url.pathname + url.search;
    if (link.dataset['page'] === page) link.setAttribute('aria-current', 'page');
  }
}

applyLocale(parseLocale(new URLSearchParams(location.search).get('locale')) ?? 'en');

// Certificate login needs a local agent. The demo uses the in-browser demo agent
// (test keys from the mock server) unless ?agent=fortify asks for the real app.
const agent = new URLSearchParams(location.search).get('agent') === 'fortify' ? 'fortify' : 'soft';
if (auth) auth.certificateAgent = agent;
// ?picker=peculiar shows Peculiar Ventures' own <peculiar-fortify-certificates> instead of the kit's list.
if (auth && new URLSearchParams(location.search).get('picker') === 'peculiar') auth.setAttribute('picker-ui', 'peculiar');
const agentSwitch = document.querySelector<HTMLAnchorElement>('[data-agent-switch]')!;
const other = new URL(location.href);
other.searchParams.set('agent', agent === 'soft' ? 'fortify' : 'soft');
agentSwitch.href = other.pathname + other.search;
agentSwitch.textContent = agent === 'soft' ? 'Certificate agent: demo (switch to Fortify)' : 'Certificate agent: Fortify (switch to demo)';

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
