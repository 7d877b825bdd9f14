import type { PickerMessages } from '../en/picker.js';
import { plural } from '../../plural.js';

/** Simplified Chinese texts of `<egov-certificate-picker>`. */
export const picker: PickerMessages = {
  pickerHeading: '选择证书',
  acceptedBodiesSummary: '我可以使用哪些证书？',
  acceptedBodiesBody:
    '由以下认证机构之一在塞尔维亚共和国颁发的合格电子证书。请按照该认证机构的说明，将证书安装到您的计算机上：',
  agentLooking: '正在查找此计算机上的证书代理程序……',
  agentSoftLabel: '使用测试密钥的演示代理程序——并非真实的智能卡',
  agentNotInstalledTitle: '请安装 Fortify 应用',
  agentNotInstalledBody:
    '要使用智能卡或 USB Key 上的合格电子证书，本网站需要与您计算机上的免费 Fortify 应用（Windows、macOS 或 Linux）通信。请安装并启动该应用，然后重试。',
  agentDownload: '下载 Fortify',
  agentNotRunningTitle: '请启动 Fortify 应用',
  agentNotRunningBody:
    '此计算机以前使用过 Fortify，但它现在没有响应。请启动它，然后重试。如果它已在运行，请重新启动（或重新安装）它，以便浏览器信任它的连接。',
  agentBlockedTitle: '您的浏览器阻止了与 Fortify 的连接',
  agentBlockedBody:
    '请允许本网站访问您本地网络中的设备：打开网站设置（地址栏左侧的图标），允许“本地网络访问”，然后重试。',
  agentPageBlockedTitle: '无法在此页面上使用证书',
  agentPageBlockedBody:
    '此页面的安全设置不允许它与 Fortify 应用通信。这是网站的问题，而不是您计算机的问题：请告知网站管理员。',
  agentNotSetUpTitle: '本网站尚未设置证书登录',
  agentNotSetUpBody:
    '本网站尚未完成合格电子证书登录的设置。这是网站的问题，而不是您计算机的问题：请告知网站管理员，或使用用户名和密码登录。',
  agentTlsTitle: '您的浏览器不信任 Fortify 的连接',
  agentTlsBody: '请重新启动 Fortify，以便它安装自己的证书，或者重新安装它，然后重试。',
  agentApproveTitle: '请在 Fortify 中批准本网站',
  agentApproveBody: 'Fortify 会显示一个代码。如果它与此处的代码相同，请在 Fortify 中批准本网站：',
  agentDeniedTitle: '本网站未在 Fortify 中获得批准',
  agentDeniedBody: '要使用证书登录，请在 Fortify 询问时批准本网站。重试即可再次收到该询问。',
  noTokenTitle: '请插入您的智能卡或 USB Key',
  noTokenBody: '未找到智能卡或 USB Key。请将其插入（连同读卡器），稍候片刻，然后重试。',
  tokenRemovedTitle: '智能卡或 USB Key 已被拔出',
  tokenRemovedBody: '请重新插入，然后重试。',
  noUsableTitle: '您的证书都无法在此使用',
  noUsableBody: '需要一张由塞尔维亚共和国认证机构颁发、当前有效、私钥存储在智能卡或 USB Key 上的合格电子证书。',
  usableCertificates: '您的证书',
  issuedBy: (issuer: string) => `颁发者：${issuer}`,
  validUntil: (date: string) => `有效期至 ${date}`,
  purpose: (purposes: string) => `用途：${purposes}`,
  purposeSigning: '签名',
  purposeAuthentication: '身份验证',
  purposeSigningAndAuthentication: '签名和身份验证',
  lowerAssuranceNote: '不是合格证书：本网站以较低的保证级别接受它。',
  serialNumber: (serial: string) => `序列号：${serial}`,
  certificateEmail: (email: string) => `电子邮箱：${email}`,
  onToken: (token: string) => `所在智能卡或 USB Key：${token}`,
  useCertificate: '使用此证书',
  chosenCertificate: '已选证书',
  chosenMark: '已选',
  chooseAnother: '选择其他证书',
  certificateRefused: (reason: string) => `未被接受：${reason}。`,
  refusedRevoked: '颁发它的认证机构已将其吊销',
  refusedOther: '本网站无法验证它',
  hiddenCertificates: (count: number) =>
    `有 ${count} ${plural('zh-Hans', count, { other: '张证书' })}无法在此使用`,
  hiddenExpired: '已过期',
  hiddenNotYetValid: '尚未生效',
  hiddenUntrusted: '由本网站不接受的认证机构颁发',
  hiddenNoKey: '其私钥不在智能卡或 USB Key 上',
  hiddenNotQualified: '不是合格证书',
  hiddenAuthenticationOnly: '这是卡上的身份验证证书：请选择该卡的签名证书',
  hiddenKeyUsage: '不用于签名',
  hiddenInvalidPersonalNumber: '其中的个人身份号码（JMBG）无效',
  pinPreviousWrong: (left: number | undefined) =>
    left === undefined
      ? '此前在这张卡上输入过错误的 PIN 码。请仔细输入。'
      : `此前在这张卡上输入过错误的 PIN 码：还剩 ${left} ${plural('zh-Hans', left, { other: '次机会' })}。`,
  pinFinalTry: '最后一次机会：再输错一次 PIN 码，卡就会被锁定。',
  pinLockedWarning: '此卡的 PIN 码已被锁定。请选择该证书，查看应联系哪个机构。',
  pinWrong: (left: number | undefined) =>
    left === undefined ? 'PIN 码错误。' : `PIN 码错误：还剩 ${left} ${plural('zh-Hans', left, { other: '次机会' })}。`,
  pinLockedTitle: '此卡的 PIN 码已被锁定',
  pinEnterInAgent: (agent: string) => `请在 ${agent} 窗口中输入 PIN 码。`,
  signingCancelled: '您关闭了 PIN 码窗口。请重新选择证书以继续。',
  peculiarIntro:
    '下面的列表由 Fortify 应用以英文显示。请选择您的证书，然后选择“Continue”（继续）。Fortify 会在自己的窗口中要求您输入 PIN 码：切勿在此页面上输入。',
  certificateChoiceCancelled: '您取消了证书选择。请选择一张证书以继续。',
  certificateNotUsable: (reason: string) => `此证书无法在此使用：${reason}。请选择其他证书。`,
  signFailed: '此卡无法签名。请重试；如果仍然失败，请取出卡后重新插入。',
  agentErrorTitle: '证书代理程序报告了错误',
  agentErrorBody: '请重试。如果再次出现此问题，请关闭 Fortify 应用，重新启动后再试一次。',
  pinLockedBody: '只有颁发您证书的认证机构才能解锁 PIN 码：请联系该机构，在此期间不要尝试其他 PIN 码。',
  caBody: '认证机构',
  caSite: '网站',
  caSupport: '支持页面',
  caPhone: '电话',
  caEmail: '电子邮箱',
};
