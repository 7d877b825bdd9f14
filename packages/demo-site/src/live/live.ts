// The live pages (login, registration, password reset, e-mail confirmation):
// the kit's element against the mock server, with the mailbox and the
// reviewer beside it (dev-tools.ts), and what each page says about
// itself — all in the page's language, following the language menu.
import './dev-tools.ts';
import type { Locale } from '@egov/auth-widgets';
import { html, nothing, render } from 'lit';
import { demoTexts, liveTexts } from '../locales/index.ts';
import { onLocaleChange, pageLocale } from '../view-settings.ts';
import type { LiveTextKey, LiveTexts } from './texts.ts';

/** The mock server's seeded accounts (packages/mock-server/src/seed.ts), one per state the login shows. */
const ACCOUNTS: { email: string; password: string; shows: LiveTextKey }[] = [
  { email: 'active@example.test', password: 'Active-Demo-Passphrase-1', shows: 'showsLoggedIn' },
  { email: 'unconfirmed@example.test', password: 'Unconfirmed-Demo-Passphrase-1', shows: 'showsUnconfirmed' },
  { email: 'pending@example.test', password: 'Pending-Demo-Passphrase-1', shows: 'showsPending' },
  { email: 'rejected@example.test', password: 'Rejected-Demo-Passphrase-1', shows: 'showsRejected' },
];

type LivePage = 'login' | 'register' | 'reset' | 'confirm';

const page = document.body.dataset['page'] as LivePage;

function about(t: LiveTexts) {
  switch (page) {
    case 'login':
      return html`<p>${t.aboutLogin}</p>
        <h3>${t.accountsHeading}</h3>
        <table class="demo-accounts">
          <thead>
            <tr>
              <th scope="col">${t.accountEmail}</th>
              <th scope="col">${t.accountPassword}</th>
              <th scope="col">${t.accountShows}</th>
            </tr>
          </thead>
          <tbody>
            ${ACCOUNTS.map(
              (a) => html`<tr>
                <td><code>${a.email}</code></td>
                <td><code>${a.password}</code></td>
                <td>${t[a.shows]}</td>
              </tr>`,
            )}
          </tbody>
        </table>`;
    case 'register':
      return html`<p>${t.aboutRegister}</p>
        <p>${t.aboutDocuments}</p>`;
    case 'reset':
      return html`<p>${t.aboutReset}</p>`;
    case 'confirm':
      return html`<p>${t.aboutConfirm}</p>
        <p>${t.aboutConfirmNoToken}</p>`;
    default:
      return nothing;
  }
}

/** The mailbox and the reviewer's panel (dev-tools.ts), one definition for every live page. */
const beside = (t: LiveTexts, reviewHeading: string) =>
  html`<div class="demo-panel">
      <h2>${t.mailboxHeading}</h2>
      <p class="demo-panel-intro">${t.mailboxIntro}</p>
      <demo-outbox></demo-outbox>
    </div>
    <div class="demo-panel">
      <h2>${reviewHeading}</h2>
      <p class="demo-panel-intro">${t.reviewIntro}</p>
      <demo-review></demo-review>
    </div>`;

function apply(locale: Locale): void {
  const t = liveTexts(locale);
  const aside = document.querySelector<HTMLElement>('[data-live-beside]');
  if (aside) render(beside(t, demoTexts(locale).reviewHeading), aside);
  for (const element of document.querySelectorAll<HTMLElement>('[data-live-text]')) {
    element.textContent = t[element.dataset['liveText'] as LiveTextKey];
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-live-label]')) {
    element.setAttribute('aria-label', t[element.dataset['liveLabel'] as LiveTextKey]);
  }
  const notes = document.querySelector<HTMLElement>('[data-live-about]');
  if (notes) {
    render(
      html`<h2 id="about-title">${t.aboutHeading}</h2>
        ${about(t)}`,
      notes,
    );
  }
}

apply(pageLocale());
onLocaleChange(apply);
