import { defineCatalogPart } from '../catalog.js';
import { loginOutcomes, type LoginOutcomeMessages } from '../en/login-outcomes.js';

/** What `<egov-login>` shows after a try, loaded with the code that shows it (components/login/login-outcomes.ts). */
export const loginOutcomeTexts = defineCatalogPart<LoginOutcomeMessages>(loginOutcomes, () =>
  import('../sr-cyrl/login-outcomes.js').then((m) => m.loginOutcomes),
);
