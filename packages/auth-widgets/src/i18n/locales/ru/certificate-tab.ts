import type { CertificateTabMessages } from '../en/certificate-tab.js';

/** Russian texts of the certificate tabs of login and registration. */
export const certificateTab: CertificateTabMessages = {
  certificateIntro:
    'Вам понадобятся квалифицированный электронный сертификат удостоверяющего центра в Республике Сербия на смарт-карте или токене и бесплатное приложение Fortify — для Windows, macOS или Linux.',
};
