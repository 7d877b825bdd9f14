import type { PickerMessages } from '../en/picker.js';
import { plural } from '../../plural.js';

/**
 * Turkish texts of `<egov-certificate-picker>`. Turkish keeps the noun singular
 * after a numeral ("3 sertifika", "2 deneme hakkı"). Brand names and the word
 * "token" take no suffix here: a noun after them carries it ("Fortify uygulamasında").
 */
export const picker: PickerMessages = {
  pickerHeading: 'Bir sertifika seçin',
  acceptedBodiesSummary: 'Hangi sertifikaları kullanabilirim?',
  acceptedBodiesBody:
    'Sırbistan Cumhuriyeti’nde aşağıdaki sertifika hizmet sağlayıcılarından birinin verdiği nitelikli elektronik sertifika. Sertifikayı, sertifika hizmet sağlayıcısının açıkladığı şekilde bilgisayarınıza yükleyin:',
  agentLooking: 'Bu bilgisayarda sertifika aracısı aranıyor…',
  agentSoftLabel: 'Test anahtarlı demo aracı — gerçek bir akıllı kart değil',
  agentNotInstalledTitle: 'Fortify uygulamasını yükleyin',
  agentNotInstalledBody:
    'Akıllı kart veya token üzerindeki nitelikli elektronik sertifikayı kullanabilmeniz için bu site, bilgisayarınızdaki ücretsiz Fortify uygulamasıyla (Windows, macOS veya Linux) iletişim kurar. Uygulamayı yükleyin, başlatın ve tekrar deneyin.',
  agentDownload: 'Fortify uygulamasını indirin',
  agentNotRunningTitle: 'Fortify uygulamasını başlatın',
  agentNotRunningBody:
    'Fortify bu bilgisayarda daha önce kullanıldı, ancak şu anda yanıt vermiyor. Uygulamayı başlatın ve tekrar deneyin. Uygulama çalışıyorsa, tarayıcının bağlantısına güvenmesi için uygulamayı yeniden başlatın (veya yeniden yükleyin).',
  agentBlockedTitle: 'Tarayıcınız Fortify bağlantısını engelledi',
  agentBlockedBody:
    'Bu sitenin yerel ağınızdaki cihazlara erişmesine izin verin: site ayarlarını açın (adresin solundaki simge), “Yerel ağ erişimi” iznini verin ve tekrar deneyin.',
  agentPageBlockedTitle: 'Bu sayfada sertifika kullanılamıyor',
  agentPageBlockedBody:
    'Sayfanın güvenlik ayarları, Fortify uygulamasıyla iletişim kurmasına izin vermiyor. Bu, bilgisayarınızdan değil siteden kaynaklanan bir hatadır: lütfen sitenin yöneticilerine bildirin.',
  agentNotSetUpTitle: 'Bu sitede sertifikayla giriş ayarlanmamış',
  agentNotSetUpBody:
    'Bu site, nitelikli elektronik sertifikayla giriş ayarlarını tamamlamamış. Bu, bilgisayarınızdan değil siteden kaynaklanan bir hatadır: lütfen sitenin yöneticilerine bildirin veya kullanıcı adınız ve şifrenizle giriş yapın.',
  agentTlsTitle: 'Tarayıcınız Fortify bağlantısına güvenmiyor',
  agentTlsBody: 'Sertifikasını yükleyebilmesi için Fortify uygulamasını yeniden başlatın veya yeniden yükleyin, ardından tekrar deneyin.',
  agentApproveTitle: 'Bu siteyi Fortify uygulamasında onaylayın',
  agentApproveBody: 'Fortify bir kod gösterir. Kod buradakiyle aynıysa siteyi Fortify uygulamasında onaylayın:',
  agentDeniedTitle: 'Bu site Fortify uygulamasında onaylanmadı',
  agentDeniedBody: 'Sertifikanızla giriş yapmak için Fortify sorduğunda bu siteyi onaylayın. Sorunun yeniden gelmesi için tekrar deneyin.',
  noTokenTitle: 'Akıllı kart veya token takın',
  noTokenBody: 'Akıllı kart veya token bulunamadı. Cihazı (okuyucusuyla birlikte) takın, biraz bekleyin ve tekrar deneyin.',
  tokenRemovedTitle: 'Akıllı kart veya token çıkarıldı',
  tokenRemovedBody: 'Cihazı yeniden takın ve tekrar deneyin.',
  noUsableTitle: 'Sertifikalarınızın hiçbiri burada kullanılamıyor',
  noUsableBody:
    'Sırbistan Cumhuriyeti’ndeki bir sertifika hizmet sağlayıcısının verdiği, bugün geçerli olan ve özel anahtarı kart veya token üzerinde bulunan nitelikli elektronik sertifika gereklidir.',
  usableCertificates: 'Sertifikalarınız',
  issuedBy: (issuer: string) => `Veren kuruluş: ${issuer}`,
  validUntil: (date: string) => `${date} tarihine kadar geçerli`,
  purpose: (purposes: string) => `Kullanım amacı: ${purposes}`,
  purposeSigning: 'imzalama',
  purposeAuthentication: 'kimlik doğrulama',
  purposeSigningAndAuthentication: 'imzalama ve kimlik doğrulama',
  lowerAssuranceNote: 'Nitelikli sertifika değil: bu site onu daha düşük bir güvence düzeyinde kabul eder.',
  serialNumber: (serial: string) => `Seri numarası: ${serial}`,
  certificateEmail: (email: string) => `E-posta: ${email}`,
  onToken: (token: string) => `Bulunduğu kart veya token: ${token}`,
  useCertificate: 'Bu sertifikayı kullanın',
  chosenCertificate: 'Seçilen sertifika',
  chosenMark: 'Seçildi',
  chooseAnother: 'Başka bir sertifika seçin',
  certificateRefused: (reason: string) => `Kabul edilmedi: ${reason}.`,
  refusedRevoked: 'sertifika hizmet sağlayıcısı sertifikayı iptal etmiş',
  refusedOther: 'site sertifikayı doğrulayamadı',
  hiddenCertificates: (count: number) =>
    `${count} ${plural('tr', count, { one: 'sertifika', other: 'sertifika' })} burada kullanılamıyor`,
  hiddenExpired: 'süresi dolmuş',
  hiddenNotYetValid: 'henüz geçerli değil',
  hiddenUntrusted: 'bu sitenin kabul etmediği bir sertifika hizmet sağlayıcısı tarafından verilmiş',
  hiddenNoKey: 'özel anahtarı kart veya token üzerinde değil',
  hiddenNotQualified: 'nitelikli sertifika değil',
  hiddenAuthenticationOnly: 'kartın kimlik doğrulama sertifikası: kartın imzalama sertifikasını seçin',
  hiddenKeyUsage: 'imzalama için tasarlanmamış',
  hiddenInvalidPersonalNumber: 'içindeki kimlik numarası (JMBG) geçerli değil',
  pinPreviousWrong: (left: number | undefined) =>
    left === undefined
      ? 'Bu kartta daha önce yanlış PIN girilmiş. PIN’i dikkatle girin.'
      : `Bu kartta daha önce yanlış PIN girilmiş: ${left} ${plural('tr', left, { one: 'deneme hakkınız', other: 'deneme hakkınız' })} kaldı.`,
  pinFinalTry: 'Son deneme: bir kez daha yanlış PIN girilirse kart kilitlenir.',
  pinLockedWarning: 'Kartın PIN’i kilitli. Kime başvurmanız gerektiğini görmek için sertifikayı seçin.',
  pinWrong: (left: number | undefined) =>
    left === undefined
      ? 'Yanlış PIN.'
      : `Yanlış PIN: ${left} ${plural('tr', left, { one: 'deneme hakkınız', other: 'deneme hakkınız' })} kaldı.`,
  pinLockedTitle: 'Kartın PIN’i kilitli',
  pinEnterInAgent: (agent: string) => `PIN’i ${agent} penceresine girin.`,
  signingCancelled: 'PIN penceresini kapattınız. Devam etmek için sertifikayı yeniden seçin.',
  peculiarIntro:
    'Aşağıdaki listeyi Fortify uygulaması İngilizce olarak gösterir. Sertifikanızı seçin ve “Continue” düğmesine basın. Fortify, PIN’inizi kendi penceresinde ister: PIN’inizi asla bu sayfaya yazmayın.',
  certificateChoiceCancelled: 'Sertifika seçimini iptal ettiniz. Devam etmek için bir sertifika seçin.',
  certificateNotUsable: (reason: string) => `Bu sertifika burada kullanılamaz: ${reason}. Başka bir sertifika seçin.`,
  signFailed: 'Kart imzalayamadı. Tekrar deneyin; sorun sürerse kartı çıkarıp yeniden takın.',
  agentErrorTitle: 'Sertifika aracısı bir hata bildirdi',
  agentErrorBody: 'Tekrar deneyin. Hata yinelenirse Fortify uygulamasını kapatın, yeniden başlatın ve bir kez daha deneyin.',
  pinLockedBody:
    'PIN kilidini yalnızca sertifikanızı veren sertifika hizmet sağlayıcısı açabilir: ona başvurun ve bu arada başka PIN’ler denemeyin.',
  caBody: 'Sertifika hizmet sağlayıcısı',
  caSite: 'Web sitesi',
  caSupport: 'Destek sayfası',
  caPhone: 'Telefon',
  caEmail: 'E-posta',
};
