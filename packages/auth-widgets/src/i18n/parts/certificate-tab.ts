import { defineCatalogPart } from '../catalog.js';
import { certificateTab, type CertificateTabMessages } from '../en/certificate-tab.js';

/** The certificate tabs' texts (login, registration); `<egov-login>` loads even the English ones with its tab. */
export const certificateTabTexts = defineCatalogPart<CertificateTabMessages>(certificateTab, () =>
  import('../sr-cyrl/certificate-tab.js').then((m) => m.certificateTab),
);
