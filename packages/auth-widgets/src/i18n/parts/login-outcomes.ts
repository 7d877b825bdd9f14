import { kitPart } from '../catalog.js';
import { loginOutcomes } from '../locales/en/login-outcomes.js';

/** What `<egov-login>` shows after a try, loaded with the code that shows it (components/login/login-outcomes.ts). */
export const loginOutcomeTexts = kitPart('loginOutcomes', loginOutcomes);
