import { defineCatalogPart } from '../catalog.js';
import { newPassword, type NewPasswordMessages } from '../en/new-password.js';

/** The texts of choosing a new password (`<egov-register>` and `<egov-password-reset>`), with the Serbian ones loaded on demand. */
export const newPasswordTexts = defineCatalogPart<NewPasswordMessages>(newPassword, () => import('../sr-cyrl/new-password.js').then((m) => m.newPassword));
