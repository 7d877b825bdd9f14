import { kitPart } from '../catalog.js';
import { certificateTab } from '../locales/en/certificate-tab.js';

/** The certificate tabs' texts (login, registration); `<egov-login>` loads even the English ones with its tab. */
export const certificateTabTexts = kitPart('certificateTab', certificateTab);
