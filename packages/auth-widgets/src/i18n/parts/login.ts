import { defineCatalogPart } from '../catalog.js';
import { login, type LoginMessages } from '../en/login.js';

/** The texts of `<egov-login>`, with the Serbian ones loaded on demand. */
export const loginTexts = defineCatalogPart<LoginMessages>(login, () => import('../sr-cyrl/login.js').then((m) => m.login));
