import '@egov/auth-widgets/define/all';
import { parseLocale, type Locale } from '@egov/auth-widgets';

const PAGE_TITLES: Record<Locale, string> = { en: 'Login', 'sr-Latn': 'Prijava', 'sr-Cyrl': 'Пријава' };

const auth = document.querySelector('egov-auth')!;
const eventLog = document.querySelector<HTMLElement>('#demo-event')!;

/** The locale comes from ?locale=…, so each language has its own address to share or screenshot. */
function applyLocale(locale: Locale): void {
  auth.locale = locale;
  document.documentElement.lang = locale;
  document.querySelector('.demo-title')!.textContent = PAGE_TITLES[locale];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-locale]')) {
    link.setAttribute('aria-current', String(link.dataset['locale'] === locale));
  }
}

applyLocale(parseLocale(new URLSearchParams(location.search).get('locale')) ?? 'en');

// Switch at runtime, without a reload: what is typed stays.
for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-locale]')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const locale = parseLocale(link.dataset['locale'])!;
    history.replaceState(null, '', `?locale=${locale}`);
    applyLocale(locale);
  });
}

document.addEventListener('egov-login-success', (event) => {
  eventLog.textContent = `egov-login-success: ${JSON.stringify(event.detail)}`;
});
document.addEventListener('egov-login-error', (event) => {
  eventLog.textContent = `egov-login-error: ${JSON.stringify(event.detail)}`;
});
