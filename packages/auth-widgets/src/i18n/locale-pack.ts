/**
 * A language of the kit, as one folder: `index.ts` names it, says its
 * writing direction and gives its texts, one part per element (or per
 * moment, like the problems after a first try). The kit's own languages are
 * folders under `./locales/`; a site adds another from its own code with
 * `registerLocale` (see `./locales.ts`), without touching the elements.
 */
import type { CertificateTabMessages } from './locales/en/certificate-tab.js';
import type { CommonFirstMessages } from './locales/en/common.js';
import type { EmailConfirmMessages } from './locales/en/email-confirm.js';
import type { LoginOutcomeMessages } from './locales/en/login-outcomes.js';
import type { LoginMessages } from './locales/en/login.js';
import type { NewPasswordMessages } from './locales/en/new-password.js';
import type { PasswordResetMessages } from './locales/en/password-reset.js';
import type { PickerMessages } from './locales/en/picker.js';
import type { PinDialogMessages } from './locales/en/pin-dialog.js';
import type { ProblemMessages } from './locales/en/problems.js';
import type { RegisterMessages } from './locales/en/register.js';
import type { ResendMessages } from './locales/en/resend.js';

/** Every part of the kit's texts, by name: each language has them all, with English's keys and parameters. */
export interface PartTexts {
  common: CommonFirstMessages;
  problems: ProblemMessages;
  certificateTab: CertificateTabMessages;
  login: LoginMessages;
  loginOutcomes: LoginOutcomeMessages;
  newPassword: NewPasswordMessages;
  emailConfirm: EmailConfirmMessages;
  passwordReset: PasswordResetMessages;
  register: RegisterMessages;
  resend: ResendMessages;
  picker: PickerMessages;
  pinDialog: PinDialogMessages;
}

export type PartName = keyof PartTexts;

/** A part's texts, or a function that loads them (a dynamic `import()`: each part then is its own chunk). */
export type PartSource<M> = M | (() => Promise<M>);

/** The texts of one language: every part, each given or loaded on demand. */
export type LocaleParts = { readonly [K in PartName]: PartSource<PartTexts[K]> };

export interface LocaleInfo {
  /** A BCP 47 tag: `hu`, `sq`, `sr-Latn`. The kit matches the page's and browser's tags against it (`hu-HU` finds `hu`). */
  readonly tag: string;
  /** The language named in itself, for language menus: "Magyar". */
  readonly name: string;
  /** The writing direction (default `ltr`). */
  readonly dir?: 'ltr' | 'rtl';
}

/** One language's folder, as its `index.ts` exports it. */
export interface LocalePack extends LocaleInfo {
  readonly parts: LocaleParts;
}

/** Types a language folder's `index.ts` (no other effect). */
export function defineLocalePack(pack: LocalePack): LocalePack {
  return pack;
}

/** The texts of one part of a pack, loaded if it is loaded on demand. */
export async function partOf<K extends PartName>(pack: LocalePack, name: K): Promise<PartTexts[K]> {
  const source = pack.parts[name] as PartSource<PartTexts[K]>;
  return typeof source === 'function' ? (source as () => Promise<PartTexts[K]>)() : source;
}
