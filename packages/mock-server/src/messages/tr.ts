import { plural } from '@egov/auth-widgets/i18n/plural';
import { asHours, belgradeTime, intlDate, type ServerTexts } from './server-texts.ts';

/**
 * The server's Turkish texts. Quoted button names are the kit's own
 * (`locales/tr`): “Şifrenizi mi unuttunuz?”, “Kullanıcı hesabı oluşturun”,
 * “Bu kaydı ben yapmadım”, “Nitelikli elektronik sertifikayla giriş”.
 */
export const tr: ServerTexts = {
  // "1 Ocak 2030 saat 13:30": sentences put it after a colon, so it needs no case suffix.
  dateTime: (ms) => `${intlDate('tr', ms)} saat ${belgradeTime(ms).time}`,
  greeting: 'Sayın Kullanıcı,',
  signature: 'e-Devlet Portalı',
  // Turkish keeps the noun singular after a numeral: "1 saat", "24 saat".
  duration: (minutes) => {
    const hours = asHours(minutes);
    if (hours !== null) return `${hours} ${plural('tr', hours, { one: 'saat', other: 'saat' })}`;
    return `${minutes} ${plural('tr', minutes, { one: 'dakika', other: 'dakika' })}`;
  },
  confirm_email: {
    subject: 'Kaydınızı onaylayın',
    body: ({ link }, { reviewed, certificate, validForMinutes = 1440 }) => [
      `e-Devlet Portalı’nda bu e-posta adresiyle bir kullanıcı hesabı kaydedildi. Kaydınızı onaylamak için aşağıdaki bağlantıyı ${tr.duration(validForMinutes)} içinde açın:`,
      link,
      'Bağlantı yalnızca bir kez kullanılabilir.',
      tr.afterConfirming({ reviewed, certificate }),
      'Kaydolan siz değilseniz bağlantıyı açın ve “Bu kaydı ben yapmadım” seçeneğini seçin: kayıt hemen silinir. Hiçbir şey yapmazsanız onaylanmamış kayıt daha sonra silinir.',
    ],
  },
  already_registered: {
    subject: 'E-posta adresinizle kayıt girişimi',
    body: () => [
      'Birisi (belki siz) bu e-posta adresiyle e-Devlet Portalı’nda yeni bir kullanıcı hesabı kaydetmeye çalıştı. Bu adresle zaten bir kullanıcı hesabınız olduğu için yeni hesap oluşturulmadı ve hiçbir şey değiştirilmedi.',
      'Bu kişi sizseniz e-posta adresiniz ve şifrenizle giriş yapın. Şifrenizi unuttuysanız giriş sayfasında “Şifrenizi mi unuttunuz?” seçeneğini seçin.',
      'Bu kişi siz değilseniz herhangi bir işlem yapmanız gerekmez.',
    ],
  },
  password_reset: {
    subject: 'Yeni bir şifre seçin',
    body: ({ link }, { validForMinutes = 60 }) => [
      `e-Devlet Portalı’nda bu e-posta adresiyle kayıtlı kullanıcı hesabı için yeni şifre belirleme talebi aldık. Yeni bir şifre seçmek için aşağıdaki bağlantıyı ${tr.duration(validForMinutes)} içinde açın:`,
      link,
      'Bağlantı yalnızca bir kez kullanılabilir. Yeniden yeni şifre talep ederseniz bu bağlantı geçersiz olur.',
      'Bu talebi siz yapmadıysanız herhangi bir işlem yapmanız gerekmez: şifreniz değişmeden kalır.',
    ],
  },
  password_changed: {
    subject: 'Şifreniz değiştirildi',
    body: ({ changedAt }) => [
      `e-Devlet Portalı’ndaki kullanıcı hesabınızın şifresi şu tarihte değiştirildi: ${changedAt} (Belgrad saati). Güvenliğiniz için tüm oturumlarınız kapatıldı; yeni şifrenizle yeniden giriş yapın.`,
      'Şifrenizi siz değiştirmediyseniz hemen giriş sayfasında “Şifrenizi mi unuttunuz?” seçeneğini seçin ve yeni bir şifre belirleyin.',
    ],
  },
  account_approved: {
    subject: 'Kullanıcı hesabınız etkin',
    body: ({ link }, { certificate, link: given }) => [
      certificate
        ? 'Yetkili bir görevli kaydınızı inceledi ve e-Devlet Portalı’ndaki kullanıcı hesabınız artık etkin. Nitelikli elektronik sertifikanızla giriş yapabilirsiniz.'
        : 'Yetkili bir görevli belgelerinizi inceledi ve e-Devlet Portalı’ndaki kullanıcı hesabınız artık etkin. E-posta adresiniz ve şifrenizle giriş yapabilirsiniz.',
      ...(given ? ['Buradan giriş yapın:', link] : []),
    ],
  },
  account_rejected: {
    subject: 'Kaydınız onaylanmadı',
    body: ({ reason, link }, { link: given }) => [
      'Yetkili bir görevli belgelerinizi inceledi ve e-Devlet Portalı’ndaki kullanıcı hesabınızı onaylamadı.',
      `Gerekçe (yetkili görevlinin yazdığı şekliyle):\n${reason}`,
      'Aynı e-posta adresi ve doğru belgelerle yeniden kaydolabilirsiniz: giriş sayfasında “Kullanıcı hesabı oluşturun” seçeneğini seçin. Bu durumda önceki kaydınız ve belgeleri silinir.',
      ...(given ? [link] : []),
    ],
  },
  certificate_already_registered: {
    subject: 'Sertifikanızla kayıt girişimi',
    body: () => [
      'Birisi (belki siz) kullanıcı hesabınıza (bu e-posta adresine sahip hesaba) ait nitelikli elektronik sertifikayla e-Devlet Portalı’nda yeni bir kullanıcı hesabı kaydetmeye çalıştı. Yeni hesap oluşturulmadı ve hiçbir şey değiştirilmedi.',
      'Bu kişi sizseniz nitelikli elektronik sertifikanızla giriş yapın: giriş sayfasında “Nitelikli elektronik sertifikayla giriş” seçeneğini seçin.',
      'Bu kişi siz değilseniz sertifikanızı başka biri kullanıyor: sertifikayı veren sertifika hizmet sağlayıcısına başvurun ve sertifikanın iptal edilmesini isteyin.',
    ],
  },
  reset_unconfirmed: {
    subject: 'Kaydınız henüz onaylanmadı',
    body: ({ link }, { validForMinutes = 1440 }) => [
      `e-Devlet Portalı’nda bu e-posta adresiyle kayıtlı kullanıcı hesabı için yeni şifre belirleme talebi aldık. Bu kayıt henüz onaylanmadığı için şifre belirlenemez. Aşağıdaki bağlantıyı ${tr.duration(validForMinutes)} içinde açın:`,
      link,
      'Kaydolan sizseniz kaydınızı orada onaylayın, ardından giriş yapın.',
      'Kaydolan siz değilseniz orada “Bu kaydı ben yapmadım” seçeneğini seçin: kayıt ve ona bağlı her şey hemen silinir; bu adresle kendiniz kaydolabilirsiniz.',
    ],
  },
  reset_certificate_account: {
    subject: 'Kullanıcı hesabınızın şifresi yok',
    body: () => [
      'e-Devlet Portalı’nda bu e-posta adresiyle kayıtlı kullanıcı hesabı için yeni şifre belirleme talebi aldık. Bu hesaba nitelikli elektronik sertifikayla giriş yapılır ve hesabın şifresi yoktur; bu nedenle şifre belirlenmedi ve hiçbir şey değiştirilmedi.',
      'Giriş yapmak için giriş sayfasında “Nitelikli elektronik sertifikayla giriş” seçeneğini seçin.',
      'Sertifikayla bir hesap kaydetmediyseniz bu adresi başka biri kendi sertifikasıyla kaydetmiş demektir: hesabı silebilecek olan portal destek ekibine bildirin.',
    ],
  },
  password_login_suspended: {
    subject: 'Hesabınızda şifreyle giriş geçici olarak durduruldu',
    body: () => [
      'Birisi e-Devlet Portalı’ndaki kullanıcı hesabınıza art arda birçok kez yanlış şifreyle giriş yapmaya çalıştı. Hesabı korumak için şifreyle giriş geçici olarak durduruldu. Kimse giriş yapmadı ve hesabınızda hiçbir şey değiştirilmedi.',
      'Yeniden giriş yapmak için giriş sayfasında “Şifrenizi mi unuttunuz?” seçeneğini seçin ve yeni bir şifre belirleyin: size göndereceğimiz bağlantı şu anda da çalışır. Hesabınızda nitelikli elektronik sertifika varsa sertifikayla giriş çalışmaya devam eder.',
      'Deneyen sizseniz yeni bir şifre belirlemeniz yeterlidir. Siz değilseniz başka hiçbir yerde kullanmadığınız bir şifre seçin.',
    ],
  },
  afterConfirming: ({ reviewed, certificate }) => {
    const junk = 'İletilerimiz istenmeyen e-posta (Junk/Spam) klasörünüze düşebilir; lütfen orayı da kontrol edin.';
    if (certificate) {
      return reviewed
        ? `Onayladıktan sonra yetkili bir görevli kaydınızı inceler. Kullanıcı hesabınız, inceleme tamamlandığında, en geç 24 saat içinde etkin olur ve o zaman size bir e-posta daha göndeririz. ${junk}`
        : `Onayladıktan sonra kullanıcı hesabınız etkin olur ve nitelikli elektronik sertifikanızla giriş yapabilirsiniz. ${junk}`;
    }
    return reviewed
      ? `Onayladıktan sonra yetkili bir görevli eklediğiniz kimlik belgelerini inceler. Kullanıcı hesabınız, belgeler incelendiğinde, en geç 24 saat içinde etkin olur ve o zaman size bir e-posta daha göndeririz. ${junk}`
      : `Onayladıktan sonra kullanıcı hesabınız etkin olur ve e-posta adresiniz ve şifrenizle giriş yapabilirsiniz. ${junk}`;
  },
  userTypes: { foreign_citizen: 'Yabancı ülke vatandaşı', serbian_citizen: 'Sırbistan Cumhuriyeti vatandaşı' },
  pinUnblock: (note) =>
    `Art arda dörtten fazla kez yanlış PIN girdiyseniz token kilitlenmiş olabilir ve hiçbir web sitesi bu kilidi açamaz. Böyle olduysa veya PIN’inizi unuttuysanız sertifikanızı veren sertifika hizmet sağlayıcısına başvurun: token kilidini nasıl açacağınızı veya nasıl yeni PIN alacağınızı size o açıklar.${note ? ` ${note}` : ''} Kimlik belgenizi yanınızda bulundurun ve bu arada başka PIN’ler denemeyin.`,
  pinNotes: { mup: 'Kimlik kartınızdaki sertifika için bu kurum İçişleri Bakanlığıdır.' },
};
