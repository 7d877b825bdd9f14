
/** English texts of `<egov-login>`. */
export const login = {
  loginHeading: 'Log in',
  loginMethods: 'Login method',
  tabCertificate: 'Qualified electronic certificate',
  tabPassword: 'Username and password',
  certificateHeading: 'Log in with a qualified electronic certificate',
  passwordHeading: 'Log in with username and password',
  emailHint: 'The e-mail address you registered with',
  passwordLabel: 'Password',
  loggingIn: 'Logging in…',
  passwordForgotten: 'Password forgotten?',
  noAccount: 'No user account yet?',
  createAccount: 'Create a user account',
  certificateLoginButton: 'Log in with the certificate',
};

export type LoginMessages = typeof login;
