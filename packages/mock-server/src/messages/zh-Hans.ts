import { plural } from '@egov/auth-widgets/i18n/plural';
import { asHours, belgradeTime, intlDate, type ServerTexts } from './server-texts.ts';

/**
 * The server's Simplified Chinese texts: the e-mails, and what `GET /config`
 * names. Button names quoted in the e-mails are the kit's own
 * (`locales/zh-Hans`), word for word.
 */
export const zhHans: ServerTexts = {
  // "2030年1月1日 13:30": the date as Intl writes it, then the 24-hour time.
  dateTime: (ms) => `${intlDate('zh-Hans', ms)} ${belgradeTime(ms).time}`,
  greeting: '您好！',
  signature: '电子政务门户网站',
  duration: (minutes) => {
    const hours = asHours(minutes);
    if (hours !== null) return `${hours} ${plural('zh-Hans', hours, { other: '小时' })}`;
    return `${minutes} ${plural('zh-Hans', minutes, { other: '分钟' })}`;
  },
  confirm_email: {
    subject: '确认您的注册',
    body: ({ link }, { reviewed, certificate, validForMinutes = 1440 }) => [
      `电子政务门户网站上有人使用此电子邮箱地址注册了用户账户。如需确认注册，请在 ${zhHans.duration(validForMinutes)}内打开以下链接：`,
      link,
      '该链接只能使用一次。',
      zhHans.afterConfirming({ reviewed, certificate }),
      '如果您没有注册，请打开该链接并选择“不是我本人”：该注册将立即被删除。如果您不采取任何操作，未经确认的注册将在稍后被删除。',
    ],
  },
  already_registered: {
    subject: '有人使用您的电子邮箱地址注册',
    body: () => [
      '有人（也许是您本人）尝试在电子政务门户网站上使用此电子邮箱地址注册新的用户账户。您已有使用此地址的用户账户，因此没有创建新账户，也没有做任何更改。',
      '如果是您本人，请使用您的电子邮箱地址和密码登录。如果您忘记了密码，请在登录页面上选择“忘记密码？”。',
      '如果不是您本人，您无需采取任何操作。',
    ],
  },
  password_reset: {
    subject: '设置新密码',
    body: ({ link }, { validForMinutes = 60 }) => [
      `我们收到了一项请求：为电子政务门户网站上使用此电子邮箱地址注册的用户账户设置新密码。如需设置新密码，请在 ${zhHans.duration(validForMinutes)}内打开以下链接：`,
      link,
      '该链接只能使用一次。如果您再次申请新密码，此链接将失效。',
      '如果您没有提出此请求，您无需采取任何操作：您的密码保持不变。',
    ],
  },
  password_changed: {
    subject: '您的密码已更改',
    body: ({ changedAt }) => [
      `您在电子政务门户网站上的用户账户密码已于 ${changedAt}（贝尔格莱德时间）更改。为了您的安全，您已在所有设备上退出登录；请使用新密码重新登录。`,
      '如果您没有更改密码，请立即在登录页面上选择“忘记密码？”并设置新密码。',
    ],
  },
  account_approved: {
    subject: '您的用户账户已激活',
    body: ({ link }, { certificate, link: given }) => [
      certificate
        ? '授权工作人员已审核您的注册，您在电子政务门户网站上的用户账户现已激活。您可以使用您的合格电子证书登录。'
        : '授权工作人员已审核您的证件，您在电子政务门户网站上的用户账户现已激活。您可以使用您的电子邮箱地址和密码登录。',
      ...(given ? ['请在此登录：', link] : []),
    ],
  },
  account_rejected: {
    subject: '您的注册未获批准',
    body: ({ reason, link }, { link: given }) => [
      '授权工作人员已审核您的证件，未批准您在电子政务门户网站上的用户账户。',
      `授权工作人员填写的原因：\n${reason}`,
      '您可以使用同一电子邮箱地址和正确的证件重新注册：请在登录页面上选择“创建用户账户”。届时，您之前的注册及其证件将被删除。',
      ...(given ? [link] : []),
    ],
  },
  certificate_already_registered: {
    subject: '有人使用您的证书注册',
    body: () => [
      '有人（也许是您本人）尝试在电子政务门户网站上，使用属于您的用户账户（即使用此电子邮箱地址的账户）的合格电子证书注册新的用户账户。没有创建新账户，也没有做任何更改。',
      '如果是您本人，请使用您的合格电子证书登录：在登录页面上选择“使用合格电子证书登录”。',
      '如果不是您本人，说明有其他人在使用您的证书：请联系颁发该证书的认证机构，要求其吊销该证书。',
    ],
  },
  reset_unconfirmed: {
    subject: '您的注册尚未确认',
    body: ({ link }, { validForMinutes = 1440 }) => [
      `我们收到了一项请求：为电子政务门户网站上使用此电子邮箱地址注册的用户账户设置新密码。该注册尚未确认，因此无法为其设置密码。请在 ${zhHans.duration(validForMinutes)}内打开以下链接：`,
      link,
      '如果是您注册的，请在该页面上确认注册，然后登录。',
      '如果您没有注册，请在该页面上选择“不是我本人”：该注册及与其关联的所有内容将立即被删除，您可以自行用此地址注册。',
    ],
  },
  reset_certificate_account: {
    subject: '您的用户账户没有密码',
    body: () => [
      '我们收到了一项请求：为电子政务门户网站上使用此电子邮箱地址注册的用户账户设置新密码。该账户使用合格电子证书登录，没有密码，因此没有设置密码，也没有做任何更改。',
      '如需登录，请在登录页面上选择“使用合格电子证书登录”。',
      '如果您没有使用证书注册过账户，说明有其他人用自己的证书注册了此地址：请告知门户网站的技术支持，他们可以将其删除。',
    ],
  },
  password_login_suspended: {
    subject: '您账户的密码登录已暂停',
    body: () => [
      '有人连续多次使用错误的密码尝试登录您在电子政务门户网站上的用户账户。为保护该账户，密码登录已暂停。没有人登录，您账户中的任何内容都没有更改。',
      '如需重新登录，请在登录页面上选择“忘记密码？”并设置新密码：我们发给您的链接现在仍然可用。如果您的账户有合格电子证书，仍可使用该证书登录。',
      '如果是您本人，只需设置新密码即可。如果不是，请选择一个您在其他任何地方都没有使用过的密码。',
    ],
  },
  afterConfirming: ({ reviewed, certificate }) => {
    const junk = '我们的邮件可能会进入您的垃圾邮件文件夹（Junk/Spam），请同时查看该文件夹。';
    if (certificate) {
      return reviewed
        ? `确认后，授权工作人员将审核您的注册。审核完成后（最迟在 24 小时内），您的用户账户即会激活，届时我们会再给您发送一封电子邮件。${junk}`
        : `确认后，您的用户账户即已激活，您可以使用您的合格电子证书登录。${junk}`;
    }
    return reviewed
      ? `确认后，授权工作人员将审核您所附的身份证件。证件审核完成后（最迟在 24 小时内），您的用户账户即会激活，届时我们会再给您发送一封电子邮件。${junk}`
      : `确认后，您的用户账户即已激活，您可以使用您的电子邮箱地址和密码登录。${junk}`;
  },
  userTypes: { foreign_citizen: '外国公民', serbian_citizen: '塞尔维亚共和国公民' },
  pinUnblock: (note) =>
    `如果您连续输错 PIN 码超过四次，智能卡或 USB Key 可能已被锁定，任何网站都无法将其解锁。如果发生了这种情况，或者您忘记了 PIN 码，请联系颁发您证书的认证机构：该机构会告诉您如何解锁智能卡或 USB Key，或如何获取新的 PIN 码。${note ?? ''}请准备好您的身份证件，在此期间不要尝试其他 PIN 码。`,
  pinNotes: { mup: '对于身份证上的证书，该机构即内务部。' },
};
