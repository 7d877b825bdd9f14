import type { CertificateTabMessages } from '../en/certificate-tab.js';

/** Ukrainian texts of the certificate tabs of login and registration. */
export const certificateTab: CertificateTabMessages = {
  certificateIntro:
    'Вам потрібні кваліфікований електронний сертифікат, виданий центром сертифікації в Республіці Сербія, на смарт-картці або токені, і безкоштовний застосунок Fortify — на Windows, macOS або Linux.',
};
