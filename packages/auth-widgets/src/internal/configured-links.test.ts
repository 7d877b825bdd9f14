// Every element that renders a configured link (register, password reset,
// log in) gets it through the same allow-list: one suite, run against each.
// (The certificate picker renders no configured link; its CA links from the
// backend are tested in its own file.)
import { expect, fixture, html } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { API } from '../../test-support/backend.js';
import '../define/all.js';

const ELEMENTS = ['egov-login', 'egov-register', 'egov-password-reset', 'egov-email-confirm'] as const;
const ATTRIBUTES = ['register-url', 'password-reset-url', 'login-url'] as const;
const HOSTILE = [
  'javascript:alert(document.domain)',
  ' JaVa\tScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'http://evil.example/login',
  '//evil.example/login',
];

function hrefs(root: Element): string[] {
  return [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
}

describe('configured links', () => {
  const original = console.error;
  beforeEach(() => (console.error = () => undefined));
  afterEach(() => (console.error = original));

  for (const name of ELEMENTS) {
    const tag = unsafeStatic(name);
    for (const attribute of ATTRIBUTES) {
      it(`<${name} ${attribute}>: a script, data or plain-http link is refused as a setup problem, never rendered`, async () => {
        for (const value of HOSTILE) {
          const el = await fixture(staticHtml`<${tag} backend-url=${API} locale="en" ${unsafeStatic(attribute)}=${value}></${tag}>`);
          expect(el.querySelector(`[data-config-error] [data-problem=invalid_link]`), `${attribute}=${value}`).to.exist;
          expect(hrefs(el).filter((href) => /script:|data:|evil\.example/i.test(href)), `${attribute}=${value}`).to.deep.equal([]);
        }
      });
    }
  }

  it('the same rule holds for links from <egov-auth config>', async () => {
    const config = JSON.stringify({ backendUrl: API, links: { register: 'http://evil.example/register' } });
    const auth = await fixture(html`<egov-auth config=${config}><egov-login locale="en"></egov-login></egov-auth>`);
    const login = auth.querySelector('egov-login')!;
    // Its first render waits for the styles of the problem it shows.
    await login.updateComplete;
    expect(login.querySelector('[data-config-error] [data-problem=invalid_link]')).to.exist;
    expect(hrefs(login).filter((href) => href.includes('evil.example'))).to.deep.equal([]);
  });

  it('a path on the site, an https address and plain http on this machine stay links', async () => {
    const el = await fixture(html`<egov-login
      backend-url=${API}
      locale="en"
      modes="password"
      register-url="https://portal.example.gov.rs/register"
      password-reset-url="/reset"
    ></egov-login>`);
    expect(hrefs(el)).to.include.members(['https://portal.example.gov.rs/register?locale=en', '/reset?locale=en']);
    const local = await fixture(html`<egov-login backend-url=${API} locale="en" modes="password" register-url="http://localhost:8080/register"></egov-login>`);
    expect(hrefs(local)).to.include('http://localhost:8080/register?locale=en');
  });
});
