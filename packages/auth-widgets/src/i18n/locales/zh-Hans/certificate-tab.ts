import type { CertificateTabMessages } from '../en/certificate-tab.js';

/** Simplified Chinese texts of the certificate tabs of login and registration. */
export const certificateTab: CertificateTabMessages = {
  certificateIntro:
    '您需要一张由塞尔维亚共和国认证机构颁发、存储在智能卡或 USB Key 上的合格电子证书，以及免费的 Fortify 应用（适用于 Windows、macOS 或 Linux）。',
};
