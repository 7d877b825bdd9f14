import type { LocalizedText } from '@egov/auth-widgets/contract';
import { cyrillicToLatin } from '@egov/auth-widgets/i18n/transliterate';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { ru } from './ru.ts';
import { srCyrl } from './sr-Cyrl.ts';
import { tr } from './tr.ts';
import { uk } from './uk.ts';
import { zhHans } from './zh-Hans.ts';
import type { ServerTexts } from './server-texts.ts';

/**
 * The reference backend's texts by language: one file each, Serbian Latin
 * derived from the Cyrillic. The e-mails go out in the language the person
 * used when registering or asking (the account keeps it).
 */
export const SERVER_TEXTS: Readonly<Record<string, ServerTexts>> = Object.freeze({ en, 'sr-Cyrl': srCyrl, ru, uk, 'zh-Hans': zhHans, tr, ar });

/** The languages the e-mails are written in (Serbian in both scripts). */
export const EMAIL_LOCALES: readonly string[] = Object.freeze([...Object.keys(SERVER_TEXTS), 'sr-Latn']);

/** A text of `GET /config` with its Serbian Latin, derived from the Cyrillic unless given. */
export function withLatin(text: LocalizedText): LocalizedText {
  return { ...text, 'sr-Latn': text['sr-Latn'] ?? cyrillicToLatin(text['sr-Cyrl']) };
}

/** One text of `GET /config` in every language the server has. */
export function localized(text: (texts: ServerTexts) => string): LocalizedText {
  const all = Object.fromEntries(Object.entries(SERVER_TEXTS).map(([locale, texts]) => [locale, text(texts)]));
  return withLatin({ ...all, en: text(en), 'sr-Cyrl': text(srCyrl) });
}
