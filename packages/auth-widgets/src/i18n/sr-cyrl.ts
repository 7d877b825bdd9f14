import type { Messages } from './en.js';
import { plural } from './plural.js';

/**
 * Serbian in Cyrillic: the source for both Serbian catalogs (Latin is
 * derived from it, see sr-latn.ts). Terms follow the portal's own wording.
 */
export const srCyrl: Messages = {
  language: 'Језик',

  errorSummaryTitle: 'Постоји проблем',
  errorPrefix: 'Грешка:',

  configErrorTitle: 'Пријава није доступна',
  configErrorBody: 'Ова страница није исправно подешена. Молимо вас да обавестите администраторе сајта.',
  configErrorDetails: 'Детаљи за администраторе сајта',

  loginHeading: 'Пријава',
  loginMethods: 'Начин пријаве',
  tabCertificate: 'Квалификовани електронски сертификат',
  tabPassword: 'Корисничко име и лозинка',
  certificateHeading: 'Пријава квалификованим електронским сертификатом',
  certificateComingSoon:
    'Пријава квалификованим електронским сертификатом са паметне картице или токена ускоро ће бити доступна. До тада се пријавите корисничким именом и лозинком.',
  passwordHeading: 'Пријава корисничким именом и лозинком',
  emailLabel: 'Корисничко име (адреса електронске поште)',
  emailHint: 'Адреса електронске поште коју сте навели при регистрацији',
  passwordLabel: 'Лозинка',
  showPassword: 'Прикажи',
  showPasswordLabel: 'Прикажи лозинку',
  hidePassword: 'Сакриј',
  hidePasswordLabel: 'Сакриј лозинку',
  passwordShown: 'Лозинка је видљива',
  passwordHidden: 'Лозинка је сакривена',
  logIn: 'Пријави се',
  loggingIn: 'Пријављивање…',
  passwordForgotten: 'Заборављена лозинка?',
  noAccount: 'Још немате кориснички налог?',
  createAccount: 'Креирај кориснички налог',

  emailRequired: 'Унесите адресу електронске поште',
  emailInvalid: 'Унесите адресу електронске поште у исправном облику, на пример ime@primer.rs',
  emailTooLong: (max: number) =>
    `Адреса електронске поште може имати највише ${max} ${plural('sr-Cyrl', max, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  passwordRequired: 'Унесите лозинку',
  passwordTooLong: (max: number) =>
    `Лозинка може имати највише ${max} ${plural('sr-Cyrl', max, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  invalidCredentials: 'Погрешна адреса електронске поште или лозинка',

  notConfirmedTitle: 'Потврдите адресу електронске поште',
  notConfirmedBody:
    'Ваша адреса електронске поште још није потврђена. Отворите линк из поруке коју смо вам послали при регистрацији. Порука може бити у фолдеру за нежељену пошту (Junk/Spam).',
  pendingTitle: 'Ваш налог чека проверу',
  pendingBody:
    'Овлашћено лице проверава ваша документа, најкасније у року од 24 часа. Када налог постане активан, добићете поруку електронском поштом.',
  rejectedTitle: 'Ваша регистрација није одобрена',
  rejectedBody: 'Овлашћено лице је проверило ваша документа и није одобрило ваш налог.',
  rejectedReason: 'Образложење:',
  throttled: (minutes: number, time: string) =>
    `Превише покушаја. Покушајте поново за ${minutes} ${plural('sr-Cyrl', minutes, { one: 'минут', few: 'минута', other: 'минута' })}, после ${time}.`,
  serviceUnavailable:
    'Услуга тренутно није доступна. Ништа од онога што сте унели није изгубљено. Покушајте поново за који тренутак.',
  serviceTimeout: 'Услуга није одговорила на време. Ништа од онога што сте унели није изгубљено. Покушајте поново.',
  unexpectedError: 'Дошло је до грешке. Покушајте поново.',

  loggedInHeading: 'Пријављени сте',
  loggedInAs: (email: string) => `Пријављени сте као ${email}.`,

  loading: 'Учитавање…',
  configLoadFailed: 'Образац није могуће учитати јер услуга тренутно није доступна.',
  tryAgain: 'Покушајте поново',
  send: 'Пошаљи',
  sending: 'Слање…',
  requiredLegend: 'Поља означена са * су обавезна.',
  fieldTooLong: (max: number) =>
    `Унесите највише ${max} ${plural('sr-Cyrl', max, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  newPasswordLabel: 'Нова лозинка',
  confirmPasswordLabel: 'Потврдите лозинку',
  passwordPolicy: (min: number) =>
    `Лозинка мора имати најмање ${min} ${plural('sr-Cyrl', min, { one: 'знак', few: 'знака', other: 'знакова' })}. Других правила нема: неколико речи које ћете запамтити чине јаку лозинку.`,
  passwordCharactersNeeded: (count: number) =>
    `${plural('sr-Cyrl', count, { one: 'Недостаје још', few: 'Недостају још', other: 'Недостаје још' })} ${count} ${plural('sr-Cyrl', count, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  passwordLongEnough: 'Довољно дугачка',
  passwordTooShort: (min: number) =>
    `Лозинка мора имати најмање ${min} ${plural('sr-Cyrl', min, { one: 'знак', few: 'знака', other: 'знакова' })}`,
  passwordCommon: 'Ова лозинка је превише честа и лако се погађа. Изаберите другу.',
  passwordContext: 'Лозинка не сме да садржи вашу адресу електронске поште, ваше име ни назив овог сајта',
  passwordMismatch: 'Лозинке се не поклапају',
  confirmPasswordRequired: 'Поново унесите лозинку',
  tokenInvalidTitle: 'Овај линк је истекао или је већ искоришћен',

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

  resetHeading: 'Заборављена лозинка?',
  resetIntro: 'Унесите адресу електронске поште коју сте навели при регистрацији. Послаћемо вам линк за избор нове лозинке.',
  resetSentTitle: 'Проверите електронску пошту',
  resetSentBody: (email: string) =>
    `Ако постоји налог за адресу ${email}, на њу смо послали линк за избор нове лозинке. Линк важи 60 минута. Порука може бити у фолдеру за нежељену пошту (Junk/Spam).`,
  newPasswordHeading: 'Изаберите нову лозинку',
  changePassword: 'Промени лозинку',
  changingPassword: 'Мењање…',
  passwordChangedTitle: 'Лозинка је промењена',
  passwordChangedBody: 'Пријавите се новом лозинком. Ради ваше безбедности, одјављени сте на свим другим местима.',
  requestNewLink: 'Затражи нови линк',
  resetLinkInvalidBody: 'Линк за избор нове лозинке може се искористити једном и важи 60 минута. Затражите нови.',

  registerHeading: 'Креирај кориснички налог',
  registerMethods: 'Начин регистрације',
  tabRegisterPassword: 'Регистрација корисничким именом и лозинком',
  tabRegisterCertificate: 'Регистрација квалификованим електронским сертификатом',
  registerCertificateHeading: 'Регистрација квалификованим електронским сертификатом',
  registerCertificateComingSoon:
    'Регистрација квалификованим електронским сертификатом са паметне картице или токена, који је издало сертификационо тело у Републици Србији, ускоро ће бити доступна — на оперативним системима Windows, macOS и Linux. До тада се региструјте корисничким именом и лозинком.',
  userTypeLegend: 'Региструјем се као',
  userTypeForeignCitizen: 'Страни држављанин',
  userTypeSerbianCitizen: 'Држављанин Републике Србије',
  personalDetailsLegend: 'Лични подаци',
  givenNameLabel: 'Име',
  surnameLabel: 'Презиме',
  dateOfBirthLabel: 'Датум рођења',
  sexLegend: 'Пол',
  sexFemale: 'Женски',
  sexMale: 'Мушки',
  sexUnspecified: 'Неодређен (X)',
  citizenshipLabel: 'Држављанство',
  chooseCountry: 'Изаберите државу',
  documentNumberLabel: 'Број пасоша или личног документа',
  foreignerNumberLabel: 'Евиденцијски број странца',
  foreignerNumberHint:
    'Овај број од 13 цифара добили сте када сте пријавили боравак у Републици Србији дужи од 90 дана. Уписан је у ваш пасош.',
  noForeignerNumber: 'Немам га / Не сећам се броја',
  addressLabel: 'Адреса у Србији',
  phoneLabel: 'Број телефона',
  phoneHint: 'Са позивним бројем државе, на пример +381 11 123 4567',
  accountLegend: 'Ваш кориснички налог',
  registerEmailLabel: 'Адреса електронске поште (ваше корисничко име)',
  registerEmailHint: 'На ову адресу послаћемо линк за потврду регистрације.',
  documentsLegend: 'Лични документ',
  documentsHint: (maxFiles: number, maxMegabytes: string) =>
    `Приложите скениране или фотографисане обе стране пасоша или личне карте. Ако у пасошу имате страну са евиденцијским бројем странца, приложите и њу. PDF, PNG или JPEG; највише ${maxFiles} ${plural('sr-Cyrl', maxFiles, { one: 'датотека', few: 'датотеке', other: 'датотека' })}, до ${maxMegabytes} по датотеци.`,
  chooseFiles: 'Изаберите датотеке',
  takePhoto: 'Фотографишите',
  dropFiles: 'или превуците датотеке овде',
  attachedFiles: 'Приложене датотеке',
  removeFile: (name: string) => `Уклони ${name}`,
  remove: 'Уклони',
  fileWrongType: (name: string) => `${name} није PDF, PNG ни JPEG датотека`,
  fileTooLarge: (name: string, maxMegabytes: string) => `${name} је већа од ${maxMegabytes}`,
  filesWrongType: 'Приложите само PDF, PNG или JPEG датотеке',
  filesTooLarge: (maxMegabytes: string) => `Свака датотека може имати највише ${maxMegabytes}`,
  tooManyFiles: (max: number) =>
    `Приложите највише ${max} ${plural('sr-Cyrl', max, { one: 'датотеку', few: 'датотеке', other: 'датотека' })}`,
  documentsRequired: 'Приложите лични документ',
  consentLabel:
    'Потврђујем да су подаци које сам навео/навела тачни и сагласан/сагласна сам да се обрађују ради отварања и провере мог корисничког налога.',
  createAccountButton: 'Креирај кориснички налог',
  uploadProgress: (percent: number) => `Слање: ${percent}%`,
  givenNameRequired: 'Унесите име',
  surnameRequired: 'Унесите презиме',
  dateOfBirthRequired: 'Унесите датум рођења',
  dateOfBirthInvalid: 'Унесите стварни датум рођења у прошлости',
  sexRequired: 'Изаберите пол',
  citizenshipRequired: 'Изаберите држављанство',
  documentNumberRequired: 'Унесите број пасоша или личног документа',
  documentNumberInvalid: 'Користите само слова, цифре, размаке и цртице',
  foreignerNumberRequired: 'Унесите евиденцијски број странца или изаберите „Немам га / Не сећам се броја”',
  foreignerNumberFormat: 'Евиденцијски број странца има тачно 13 цифара',
  foreignerNumberDate: 'Првих 7 цифара евиденцијског броја странца мора бити датум рођења (дан, месец, година)',
  foreignerNumberChecksum: 'Овај евиденцијски број странца није исправан. Проверите цифре у пасошу.',
  phoneInvalid: 'Унесите број телефона, на пример +381 11 123 4567',
  consentRequired: 'Да бисте отворили налог, потврдите податке и сагласност са њиховом обрадом',
  invalidChoice: 'Изаберите једну од понуђених могућности',
  checkEmailTitle: 'Проверите електронску пошту',
  checkEmailBody: (email: string) => `Послали смо поруку на адресу ${email}. Отворите линк из ње да бисте потврдили регистрацију.`,
  checkEmailSpam: 'Порука може бити у фолдеру за нежељену пошту (Junk/Spam).',
  checkEmailReview:
    'Када потврдите регистрацију, овлашћено лице проверава ваша документа у року од 24 часа. Добићете још једну поруку када налог постане активан.',
  resendConfirmation: 'Пошаљи поруку поново',
  confirmationSentAgain: 'Поново смо послали поруку.',
  wrongAddress: 'Погрешна адреса?',
  startAgain: 'Почните поново',
  haveAccount: 'Већ имате кориснички налог?',
};
