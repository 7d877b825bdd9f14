import type { CertificateTabMessages } from '../en/certificate-tab.js';

/** Arabic texts of the certificate tabs of login and registration. */
export const certificateTab: CertificateTabMessages = {
  certificateIntro:
    'يلزمك وجود شهادة إلكترونية مؤهلة صادرة عن جهة تصديق في جمهورية صربيا، على بطاقة ذكية أو توكن، وتطبيق Fortify المجاني — على نظام Windows أو macOS أو Linux.',
};
