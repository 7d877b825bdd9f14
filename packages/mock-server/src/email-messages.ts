import type { OutboxKind } from '@egov/auth-widgets/contract';
import type { Locale } from '@egov/auth-widgets/i18n/locales';
import { cyrillicToLatin } from '@egov/auth-widgets/i18n/transliterate';
import { SERVER_TEXTS } from './messages/index.ts';
import type { MessageParams, ServerTexts, Slots } from './messages/server-texts.ts';

export type { MessageParams } from './messages/server-texts.ts';

export interface ComposedMessage {
  subject: string;
  text: string;
}

function render(catalog: ServerTexts, kind: OutboxKind, slots: Slots, params: MessageParams): ComposedMessage {
  const template = catalog[kind];
  return { subject: template.subject, text: [catalog.greeting, ...template.body(slots, params), catalog.signature].join('\n\n') };
}

/** Private-use characters around a slot name: untouched by transliteration, never in real text. */
const slot = (name: keyof Slots) => `\u{E000}${name}\u{E001}`;

/**
 * One e-mail, as plain text (no HTML: the reviewer's reason and the user's
 * data are never markup). Serbian Latin is the Cyrillic text transliterated;
 * the link, the reason and the time are put in afterwards, so they are never
 * transliterated themselves.
 */
export function composeMessage(kind: OutboxKind, locale: Locale, params: MessageParams = {}): ComposedMessage {
  const latin = locale === 'sr-Latn';
  const texts = SERVER_TEXTS[latin ? 'sr-Cyrl' : locale] ?? SERVER_TEXTS.en;
  const time = params.changedAt === undefined ? '' : texts.dateTime(params.changedAt);
  const values: Slots = { link: params.link ?? '', reason: params.reason ?? '', changedAt: latin ? cyrillicToLatin(time) : time };
  if (!latin) return render(texts, kind, values, params);
  const marked = render(texts, kind, { link: slot('link'), reason: slot('reason'), changedAt: slot('changedAt') }, params);
  const fill = (value: string) =>
    cyrillicToLatin(value).replace(/\u{E000}(\w+)\u{E001}/gu, (_, name: keyof Slots) => values[name]);
  return { subject: fill(marked.subject), text: fill(marked.text) };
}
