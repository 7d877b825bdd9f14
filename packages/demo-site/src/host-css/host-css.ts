// The hostile-page test's page (e2e/host-css.e2e.test.ts): one kit element
// in a page's content area under a real CSS framework or a CMS theme.
//   ?framework=bootstrap|pico|bulma|cms|cms-important|cms-layered|none
//   ?element=login|register|reset     (default login)
//   ?tokens=element|root              a site's theme through the --egov-* tokens, on the element or on :root
import '@egov/auth-widgets/define/all';
import bootstrap from 'bootstrap/dist/css/bootstrap.min.css?url';
import pico from '@picocss/pico/css/pico.classless.min.css?url';
import bulma from 'bulma/css/bulma.min.css?url';
import cms from './cms-theme.css?url';
import cmsImportant from './cms-theme-important.css?url';
import layeredImportant from './layered-important.css?url';
import siteTokens from './site-tokens.css?url';

const FRAMEWORKS: Record<string, string[]> = {
  none: [],
  bootstrap: [bootstrap],
  pico: [pico],
  bulma: [bulma],
  cms: [cms],
  'cms-important': [cmsImportant],
  'cms-layered': [cms, layeredImportant],
};
const ELEMENTS: Record<string, string> = { login: 'egov-login', register: 'egov-register', reset: 'egov-password-reset' };

const query = new URLSearchParams(location.search);
const sheets = [...(FRAMEWORKS[query.get('framework') ?? 'none'] ?? []), ...(query.get('tokens') === 'root' ? [siteTokens] : [])];

const loaded = sheets.map(
  (href) =>
    new Promise<void>((resolve, reject) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.addEventListener('load', () => resolve());
      link.addEventListener('error', () => reject(new Error(`${href} did not load`)));
      document.head.append(link);
    }),
);

const element = document.createElement(ELEMENTS[query.get('element') ?? 'login'] ?? 'egov-login');
if (query.get('tokens') === 'element') {
  // What a site's theme sets: colours, font, corners.
  element.style.setProperty('--egov-color-primary', '#7a1f5c');
  element.style.setProperty('--egov-color-primary-hover', '#5a1744');
  element.style.setProperty('--egov-font-family', 'Georgia, serif');
  element.style.setProperty('--egov-radius', '0px');
}
document.querySelector('egov-auth')!.append(element);

await Promise.all(loaded);
document.documentElement.dataset['ready'] = 'true';
