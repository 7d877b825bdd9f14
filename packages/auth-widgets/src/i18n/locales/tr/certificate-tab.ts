import type { CertificateTabMessages } from '../en/certificate-tab.js';

/** Turkish texts of the certificate tabs of login and registration. */
export const certificateTab: CertificateTabMessages = {
  certificateIntro:
    'Sırbistan Cumhuriyeti’ndeki bir sertifika hizmet sağlayıcısının verdiği, akıllı kart veya token üzerinde bulunan nitelikli elektronik sertifikaya ve ücretsiz Fortify uygulamasına (Windows, macOS veya Linux için) ihtiyacınız vardır.',
};
