import { defineCatalogPart } from '../catalog.js';
import { passwordReset, type PasswordResetMessages } from '../en/password-reset.js';

/** The texts of `<egov-password-reset>`, with the Serbian ones loaded on demand. */
export const passwordResetTexts = defineCatalogPart<PasswordResetMessages>(passwordReset, () => import('../sr-cyrl/password-reset.js').then((m) => m.passwordReset));
