import type { CertificateTabMessages } from '../en/certificate-tab.js';

/** Serbian (Cyrillic) texts of the certificate tabs; the Latin ones are derived from them. */
export const certificateTab: CertificateTabMessages = {
  certificateIntro:
    'Потребни су вам квалификовани електронски сертификат сертификационог тела у Републици Србији, на паметној картици или токену, и бесплатна апликација Fortify — на оперативном систему Windows, macOS или Linux.',
};
