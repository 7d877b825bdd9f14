import { defineCatalogPart } from '../catalog.js';
import { emailConfirm, type EmailConfirmMessages } from '../en/email-confirm.js';

/** The texts of `<egov-email-confirm>`, with the Serbian ones loaded on demand. */
export const emailConfirmTexts = defineCatalogPart<EmailConfirmMessages>(emailConfirm, () => import('../sr-cyrl/email-confirm.js').then((m) => m.emailConfirm));
