import type { LoginOutcomeMessages } from '../en/login-outcomes.js';

/** Turkish texts of what `<egov-login>` shows after a try. */
export const loginOutcomes: LoginOutcomeMessages = {
  invalidCredentials: 'E-posta adresi veya şifre yanlış',
  passwordLoginSuspended:
    'Çok sayıda yanlış şifre girildiği için bu hesapta şifreyle giriş geçici olarak durduruldu. Yeni bir şifre belirlemek için “Şifrenizi mi unuttunuz?” seçeneğini seçin veya nitelikli elektronik sertifikanızla giriş yapın.',
  notConfirmedTitle: 'E-posta adresinizi onaylayın',
  notConfirmedBody:
    'E-posta adresiniz henüz onaylanmadı. Kaydolduğunuzda size gönderdiğimiz iletideki bağlantıyı açın. İleti, istenmeyen e-posta (Junk/Spam) klasöründe olabilir.',
  pendingTitle: 'Hesabınız inceleme bekliyor',
  pendingBody:
    'Yetkili bir görevli belgelerinizi en geç 24 saat içinde inceleyecek. Hesabınız etkin olduğunda bir e-posta alacaksınız.',
  rejectedTitle: 'Kaydınız onaylanmadı',
  rejectedBody: 'Yetkili bir görevli belgelerinizi inceledi ve hesabınızı onaylayamadı.',
  rejectedReason: 'Gerekçe (yetkili görevlinin yazdığı şekliyle):',
  rejectedNextStep:
    'Aynı e-posta adresi ve doğru belgelerle yeniden kaydolabilirsiniz. Bu durumda önceki kaydınız ve belgeleri silinir.',
  registerAgain: 'Yeniden kaydolun',
  loggedInHeading: 'Giriş yaptınız',
  loggedInAs: (email: string) => `${email} olarak giriş yaptınız.`,
  certificateNotRegisteredTitle: 'Bu sertifika henüz kayıtlı değil',
  certificateNotRegisteredBody:
    'Bu sertifikayla bir kullanıcı hesabı oluşturun: adınız ve kimlik numaranız sertifikadan alınır.',
};
