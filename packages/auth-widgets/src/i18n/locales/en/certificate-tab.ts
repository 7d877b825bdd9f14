/** English texts of the certificate tabs of login and registration, loaded when such a tab first shows. */
export const certificateTab = {
  certificateIntro:
    'You need a qualified electronic certificate from a certification body in the Republic of Serbia, on a smart card or token, and the free Fortify app — on Windows, macOS or Linux.',
};

export type CertificateTabMessages = typeof certificateTab;
