import type { PickerMessages } from '../en/picker.js';
import { plural } from '../plural.js';

/** Serbian (Cyrillic) texts of `<egov-certificate-picker>`; the Latin ones are derived from them. */
export const picker: PickerMessages = {
  pickerHeading: 'Изаберите сертификат',
  agentLooking: 'Тражење агента за сертификате на овом рачунару…',
  agentSoftLabel: 'Демо агент са тест кључевима — није права паметна картица',
  agentNotInstalledTitle: 'Инсталирајте апликацију Fortify',
  agentNotInstalledBody:
    'Да бисте користили квалификовани електронски сертификат са паметне картице или токена, овај сајт комуницира са бесплатном апликацијом Fortify на вашем рачунару (Windows, macOS или Linux). Инсталирајте је, покрените, па покушајте поново.',
  agentDownload: 'Преузмите Fortify',
  agentNotRunningTitle: 'Покрените апликацију Fortify',
  agentNotRunningBody:
    'Fortify је раније коришћен на овом рачунару, али сада не одговара. Покрените га, па покушајте поново. Ако је покренут, поново га покрените (или поново инсталирајте) да би прегледач веровао његовој вези.',
  agentBlockedTitle: 'Прегледач је блокирао везу са апликацијом Fortify',
  agentBlockedBody:
    'Дозволите овом сајту приступ уређајима у локалној мрежи: отворите подешавања сајта (иконица лево од адресе), дозволите „Приступ локалној мрежи”, па покушајте поново.',
  agentPageBlockedTitle: 'Сертификати не могу да се користе на овој страници',
  agentPageBlockedBody:
    'Безбедносна подешавања ове странице не дозвољавају везу са апликацијом Fortify. Грешка је на сајту, а не на вашем рачунару: молимо вас да обавестите администраторе сајта.',
  agentNotSetUpTitle: 'Пријава сертификатом није подешена на овом сајту',
  agentNotSetUpBody:
    'Овај сајт није довршио подешавање пријаве квалификованим електронским сертификатом. Грешка је на сајту, а не на вашем рачунару: молимо вас да обавестите администраторе сајта или се пријавите корисничким именом и лозинком.',
  agentTlsTitle: 'Прегледач не верује вези са апликацијом Fortify',
  agentTlsBody: 'Поново покрените Fortify да би инсталирао свој сертификат или га поново инсталирајте, па покушајте поново.',
  agentApproveTitle: 'Одобрите овај сајт у апликацији Fortify',
  agentApproveBody: 'Fortify приказује код. Ако је исти као овај, одобрите сајт у апликацији Fortify:',
  agentDeniedTitle: 'Овај сајт није одобрен у апликацији Fortify',
  agentDeniedBody: 'Да бисте се пријавили сертификатом, одобрите овај сајт када Fortify то затражи. Покушајте поново да би се питање поново појавило.',
  noTokenTitle: 'Убаците паметну картицу или токен',
  noTokenBody: 'Паметна картица или токен нису пронађени. Убаците их (са читачем), сачекајте тренутак, па покушајте поново.',
  tokenRemovedTitle: 'Паметна картица или токен су извађени',
  tokenRemovedBody: 'Поново их убаците и покушајте поново.',
  noUsableTitle: 'Ниједан ваш сертификат не може да се користи овде',
  noUsableBody: 'Потребан је квалификовани електронски сертификат сертификационог тела у Републици Србији, који данас важи и чији је приватни кључ на картици или токену.',
  usableCertificates: 'Ваши сертификати',
  issuedBy: (issuer: string) => `Издавалац: ${issuer}`,
  validUntil: (date: string) => `важи до ${date}`,
  purpose: (purposes: string) => `Намена: ${purposes}`,
  purposeSigning: 'потписивање',
  purposeAuthentication: 'аутентикација',
  purposeSigningAndAuthentication: 'потписивање и аутентикација',
  serialNumber: (serial: string) => `Серијски број: ${serial}`,
  certificateEmail: (email: string) => `Адреса електронске поште: ${email}`,
  onToken: (token: string) => `На картици или токену: ${token}`,
  useCertificate: 'Користите овај сертификат',
  chosenCertificate: 'Изабрани сертификат',
  chosenMark: 'Изабран',
  chooseAnother: 'Изаберите други сертификат',
  certificateRefused: (reason: string) => `Није прихваћен: ${reason}.`,
  refusedRevoked: 'опозвало га је сертификационо тело које га је издало',
  refusedOther: 'сајт није могао да га провери',
  // The verb agrees with the numeral: 1 сертификат може, 2–4 сертификата могу, 5 и више сертификата може.
  hiddenCertificates: (count: number) =>
    `${count} ${plural('sr-Cyrl', count, { one: 'сертификат не може да се користи', few: 'сертификата не могу да се користе', other: 'сертификата не може да се користи' })}`,
  hiddenExpired: 'истекао је',
  hiddenNotYetValid: 'још не важи',
  hiddenUntrusted: 'издало га је сертификационо тело које овај сајт не прихвата',
  hiddenNoKey: 'његов приватни кључ није на картици или токену',
  hiddenNotQualified: 'није квалификовани сертификат',
  hiddenKeyUsage: 'није намењен потписивању',
  hiddenInvalidPersonalNumber: 'матични број (ЈМБГ) у њему није исправан',
  pinPreviousWrong: (left: number | undefined) =>
    left === undefined
      ? 'На овој картици је раније унет погрешан PIN. Унесите га пажљиво.'
      : `На овој картици је раније унет погрешан PIN: ${plural('sr-Cyrl', left, { one: 'преостао је још', few: 'преостала су још', other: 'преостало је још' })} ${left} ${plural('sr-Cyrl', left, { one: 'покушај', few: 'покушаја', other: 'покушаја' })}.`,
  pinFinalTry: 'Последњи покушај: још један погрешан PIN закључава картицу.',
  pinLockedWarning: 'PIN картице је закључан. Изаберите сертификат да бисте видели кога треба да контактирате.',
  pinWrong: (left: number | undefined) =>
    left === undefined
      ? 'Погрешан PIN.'
      : `Погрешан PIN: ${plural('sr-Cyrl', left, { one: 'преостао је још', few: 'преостала су још', other: 'преостало је још' })} ${left} ${plural('sr-Cyrl', left, { one: 'покушај', few: 'покушаја', other: 'покушаја' })}.`,
  pinLockedTitle: 'PIN картице је закључан',
  pinEnterInAgent: (agent: string) => `Унесите PIN у прозору апликације ${agent}.`,
  signingCancelled: 'Затворили сте прозор за PIN. Поново изаберите сертификат да бисте наставили.',
  peculiarIntro:
    'Списак испод приказује апликација Fortify, на енглеском језику. Изаберите сертификат и притисните „Continue”. Fortify тражи PIN у свом прозору: никада га не уносите на овој страници.',
  certificateChoiceCancelled: 'Одустали сте од избора сертификата. Изаберите сертификат да бисте наставили.',
  certificateNotUsable: (reason: string) => `Овај сертификат не може да се користи овде: ${reason}. Изаберите други.`,
  signFailed: 'Картица није могла да потпише. Покушајте поново; ако се понови, извадите картицу и поново је убаците.',
  agentErrorTitle: 'Агент за сертификате је пријавио грешку',
  agentErrorBody: 'Покушајте поново. Ако се грешка понови, затворите апликацију Fortify, поново је покрените и покушајте још једном.',
  pinLockedBody:
    'Само сертификационо тело које је издало ваш сертификат може да откључа PIN: обратите му се и у међувремену не покушавајте са другим PIN-овима.',
  caBody: 'Сертификационо тело',
  caSite: 'Веб-сајт',
  caSupport: 'Страница подршке',
  caPhone: 'Телефон',
  caEmail: 'Адреса електронске поште',
};
