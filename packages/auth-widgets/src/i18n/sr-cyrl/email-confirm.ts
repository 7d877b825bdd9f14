import type { EmailConfirmMessages } from '../en/email-confirm.js';

/** Serbian (Cyrillic) texts of `<egov-email-confirm>`; the Latin ones are derived from them. */
export const emailConfirm: EmailConfirmMessages = {
  confirmHeading: 'Потврдите регистрацију',
  confirming: 'Потврђивање адресе електронске поште…',
  confirmedTitle: 'Адреса електронске поште је потврђена',
  alreadyConfirmedTitle: 'Адреса електронске поште је већ потврђена',
  awaitingReviewBody:
    'Ваш налог постаје активан када овлашћено лице провери ваша документа, најкасније у року од 24 часа. Тада ћете добити још једну поруку; она може бити у фолдеру за нежељену пошту (Junk/Spam).',
  accountActiveBody: 'Ваш налог је активан. Сада можете да се пријавите.',
  confirmLinkMissingTitle: 'Отворите линк из поруке коју сте добили',
  newConfirmationLinkBody: 'Унесите адресу електронске поште коју сте навели при регистрацији и послаћемо вам нови линк за потврду.',
  sendNewLink: 'Пошаљи нови линк',
  confirmationResent: (email: string) =>
    `Ако адреса ${email} чека потврду, на њу смо послали нови линк. Порука може бити у фолдеру за нежељену пошту (Junk/Spam).`,
};
