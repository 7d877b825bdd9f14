import { defineCatalogPart } from '../catalog.js';
import { resend, type ResendMessages } from '../en/resend.js';

/** "Send the confirmation message again", shared by `<egov-register>` and `<egov-login>`. */
export const resendTexts = defineCatalogPart<ResendMessages>(resend, () => import('../sr-cyrl/resend.js').then((m) => m.resend));
