import { defineCatalogPart } from '../catalog.js';
import { register, type RegisterMessages } from '../en/register.js';

/** The texts of `<egov-register>`, with the Serbian ones loaded on demand. */
export const registerTexts = defineCatalogPart<RegisterMessages>(register, () => import('../sr-cyrl/register.js').then((m) => m.register));
