// The certificate states of the gallery (issue 15): the real picker, and
// `<egov-login>` on its certificate tab, each brought to its moment by what
// a person would do (choose a certificate, enter a wrong PIN, close the PIN
// window) against a scripted client and a scripted agent (scripted-agent.ts).
// Nothing reaches a network: the certificates are made in the browser.
import '@egov/auth-widgets/define/egov-auth';
import '@egov/auth-widgets/define/egov-certificate-picker';
import '@egov/auth-widgets/define/egov-login';
import { AuthError, type AuthClient } from '@egov/auth-widgets';
import type { AgentProblem, CertificateAgent } from '@egov/auth-widgets/agent';
import { html } from 'lit';
import { CERTIFICATE, GALLERY_PIN, ScriptedFortify, fortifyCertificates, galleryAgent, type FortifyScript } from './scripted-agent.ts';
import { scriptedClient } from './scripted-client.ts';
import { drawKit, until, type GalleryState, type StateTitle } from './state.ts';

/**
 * The state's element inside its `<egov-auth>` (which the language menu
 * reaches), with the agent and the client; the links lead to the demo's
 * live pages, as in the other sections (`/api` is never called).
 */
/** The element `selector` names in the frame, once it is there. */
const shown = (frame: HTMLElement, selector: string) => until(() => frame.querySelector<HTMLElement>(selector), selector);

/** A picker that signs what the page gives it once a certificate is chosen, as a form does. */
const signingPicker = () => html`<egov-certificate-picker
  heading-level="4"
  @egov-certificate-selected=${(event: Event) => {
    const picker = event.currentTarget as HTMLElementTagNameMap['egov-certificate-picker'];
    // The picker shows what went wrong; the page has nothing more to do with it.
    picker.sign(new TextEncoder().encode('gallery')).catch(() => undefined);
  }}
></egov-certificate-picker>`;

interface Scene {
  agent: () => Promise<CertificateAgent>;
  /** `login`: `<egov-login>` on its certificate tab, with this client. */
  login?: AuthClient;
  /** The certificate the person chooses, if any. */
  choose?: string;
  /** What is on screen once the state is there. */
  ready: string;
}

function state(id: string, title: StateTitle, scene: Scene): GalleryState {
  return {
    id: `certificate-${id}`,
    element: 'certificate',
    title,
    async render(frame, locale) {
      const agent = await scene.agent();
      const element = scene.login
        ? html`<egov-login mode="certificate" heading-level="4"></egov-login>`
        : scene.choose
          ? signingPicker()
          : html`<egov-certificate-picker heading-level="4"></egov-certificate-picker>`;
      await drawKit(frame, locale, scene.login ?? scriptedClient(), scene.login ? 'egov-login' : 'egov-certificate-picker', element, { agent });
      if (scene.choose) (await shown(frame, `[data-certificate="${scene.choose}"] button`)).click();
      await shown(frame, scene.ready);
    },
  };
}

const fortify = (script: FortifyScript) => () => Promise.resolve(new ScriptedFortify(script));
const fortifyWithCard = (script: Omit<FortifyScript, 'certificates'>) => async () => new ScriptedFortify({ ...script, certificates: await fortifyCertificates() });

/** The person chose the identity card's certificate and typed `pin` in the demo agent. */
const typedPin = (pin: string) => () => Promise.resolve(pin);

/** `<egov-login>` whose backend answers the certificate login with `code`. */
const loginRefusing = (code: 'certificate_revoked' | 'certificate_not_registered') =>
  scriptedClient({ loginWithCertificate: () => Promise.reject(new AuthError(code, 403)) });

const PROBLEMS: [AgentProblem, StateTitle][] = [
  ['not_installed', { en: 'Fortify is not installed', 'sr-Cyrl': 'Апликација Fortify није инсталирана' }],
  ['not_running', { en: 'Fortify is installed but not running', 'sr-Cyrl': 'Апликација Fortify је инсталирана, али није покренута' }],
  ['local_network_blocked', { en: 'The browser blocked local network access', 'sr-Cyrl': 'Прегледач је блокирао приступ локалној мрежи' }],
  ['tls_untrusted', { en: 'The browser does not trust Fortify’s connection', 'sr-Cyrl': 'Прегледач не верује вези са апликацијом Fortify' }],
  ['origin_denied', { en: 'The site was denied in Fortify', 'sr-Cyrl': 'Сајт није одобрен у апликацији Fortify' }],
  ['no_token', { en: 'No smart card or token inserted', 'sr-Cyrl': 'Паметна картица или токен нису убачени' }],
  [
    'page_blocked',
    {
      en: 'The page’s security policy (CSP) blocks Fortify (the site’s fault)',
      'sr-Cyrl': 'Безбедносна политика странице (CSP) блокира апликацију Fortify (грешка сајта)',
    },
  ],
  [
    'not_set_up',
    { en: 'The site did not set up certificate login (the site’s fault)', 'sr-Cyrl': 'Сајт није подесио пријаву сертификатом (грешка сајта)' },
  ],
  ['agent_error', { en: 'Any other error of the agent', 'sr-Cyrl': 'Било која друга грешка агента' }],
];

const CARD = `[data-certificate="${CERTIFICATE.signing}"]`;

/** Every state of certificate login, in the order a person meets them; ids are stable (e2e/gallery.e2e.test.ts lists them). */
export const CERTIFICATE_STATES: GalleryState[] = [
  state('looking', { en: 'Looking for the certificate agent', 'sr-Cyrl': 'Тражење агента за сертификате' }, {
    agent: fortify({}),
    // Drawn once the site's list of certification bodies is there too: the picker is then only waiting for the agent.
    ready: '[data-accepted-bodies]',
  }),
  state('approve', { en: 'Approve this site in Fortify (the code)', 'sr-Cyrl': 'Одобрите овај сајт у апликацији Fortify (код)' }, {
    agent: fortify({ approvalCode: '482915' }),
    ready: '[data-state=approve] .egov-code',
  }),
  state('list', { en: 'The list, with the certificates that cannot be used', 'sr-Cyrl': 'Списак сертификата, са онима који не могу да се користе' }, {
    agent: () => galleryAgent(),
    ready: '.egov-certificates [data-certificate]',
  }),
  state('pin-previous-wrong', { en: 'A wrong PIN was entered before', 'sr-Cyrl': 'Раније је унет погрешан PIN' }, {
    agent: () => galleryAgent({ idCardOnly: true, triesLeft: 2 }),
    ready: `${CARD} [data-pin-warning]`,
  }),
  state('pin-final-try', { en: 'Last try before the card locks', 'sr-Cyrl': 'Последњи покушај пре него што се картица закључа' }, {
    agent: () => galleryAgent({ idCardOnly: true, triesLeft: 1 }),
    ready: `${CARD} [data-pin-warning]`,
  }),
  state('pin-locked', { en: 'The card’s PIN is locked (the warning in the list)', 'sr-Cyrl': 'PIN картице је закључан (упозорење на списку)' }, {
    agent: () => galleryAgent({ idCardOnly: true, triesLeft: 0 }),
    ready: `${CARD} [data-pin-warning]`,
  }),
  state(
    'pin-locked-contacts',
    {
      en: 'The card’s PIN is locked: the certification body’s contacts',
      'sr-Cyrl': 'PIN картице је закључан: подаци за контакт сертификационог тела',
    },
    { agent: () => galleryAgent({ idCardOnly: true, triesLeft: 0 }), choose: CERTIFICATE.signing, ready: '[data-state=locked] .egov-contacts' },
  ),
  state('pin-in-window', { en: 'Enter the PIN in Fortify’s window', 'sr-Cyrl': 'Унесите PIN у прозору апликације Fortify' }, {
    agent: fortifyWithCard({}),
    choose: CERTIFICATE.signing,
    ready: '[data-state=signing] [role=status]',
  }),
  state('pin-wrong', { en: 'A wrong PIN was entered', 'sr-Cyrl': 'Унет је погрешан PIN' }, {
    agent: () => galleryAgent({ idCardOnly: true, pinPrompt: typedPin('0000') }),
    choose: CERTIFICATE.signing,
    ready: '.egov-notice--error[role=alert]',
  }),
  state('cancelled', { en: 'The PIN window was closed (cancelled)', 'sr-Cyrl': 'Прозор за PIN је затворен (одустајање)' }, {
    agent: fortifyWithCard({ sign: 'cancelled' }),
    choose: CERTIFICATE.signing,
    ready: '.egov-notice--error[role=alert]',
  }),
  state('sign-failed', { en: 'The card could not sign', 'sr-Cyrl': 'Картица није могла да потпише' }, {
    agent: fortifyWithCard({ sign: 'sign_failed' }),
    choose: CERTIFICATE.signing,
    ready: '.egov-notice--error[role=alert]',
  }),
  state('no-usable', { en: 'No certificate can be used here', 'sr-Cyrl': 'Ниједан сертификат не може да се користи овде' }, {
    agent: () => galleryAgent({ usable: false }),
    ready: '[data-state=none-usable]',
  }),
  state(
    'refused',
    {
      en: 'Log in: the site refused the certificate (revoked), said at the certificate',
      'sr-Cyrl': 'Пријава: сајт није прихватио сертификат (опозван), што пише уз сам сертификат',
    },
    {
      agent: () => galleryAgent({ idCardOnly: true, pinPrompt: typedPin(GALLERY_PIN) }),
      login: loginRefusing('certificate_revoked'),
      choose: CERTIFICATE.signing,
      ready: `${CARD} [data-refused]`,
    },
  ),
  state(
    'not-registered',
    {
      en: 'Log in: a valid certificate without a user account (register with it)',
      'sr-Cyrl': 'Пријава: исправан сертификат без корисничког налога (регистрација њиме)',
    },
    {
      agent: () => galleryAgent({ idCardOnly: true, pinPrompt: typedPin(GALLERY_PIN) }),
      login: loginRefusing('certificate_not_registered'),
      choose: CERTIFICATE.signing,
      ready: '[data-notice=certificate_not_registered]',
    },
  ),
  ...PROBLEMS.map(([problem, title]) => state(problem.replaceAll('_', '-'), title, { agent: fortify({ connect: problem }), ready: `[data-problem=${problem}]` })),
  state('token-removed', { en: 'The card was taken out', 'sr-Cyrl': 'Паметна картица или токен су извађени' }, {
    agent: fortify({ list: 'token_removed' }),
    ready: '[data-problem=token_removed]',
  }),
];
