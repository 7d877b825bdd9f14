import type { EmailConfirmMessages } from '../en/email-confirm.js';

/** Turkish texts of `<egov-email-confirm>`. */
export const emailConfirm: EmailConfirmMessages = {
  confirmHeading: 'Kaydınızı onaylayın',
  confirmQuestion: 'Bu e-posta adresiyle siz mi kaydoldunuz?',
  confirmQuestionBody:
    'Birisi, bu bağlantının gönderildiği e-posta adresiyle e-Devlet Portalı’nda bir kullanıcı hesabı kaydetti. Yalnızca bu kişi sizseniz onaylayın. Siz değilseniz “Bu kaydı ben yapmadım” seçeneğini seçin: kayıt hemen silinir.',
  confirmButton: 'Evet, kaydımı onaylıyorum',
  declineButton: 'Bu kaydı ben yapmadım',
  confirming: 'E-posta adresiniz onaylanıyor…',
  declining: 'Kayıt siliniyor…',
  declinedTitle: 'Kayıt silindi',
  declinedBody: 'Kayda ait hiçbir bilgi saklanmadı ve e-posta adresinize bağlı hiçbir şey yok. Bu adresle kendiniz kaydolabilirsiniz.',
  register: 'Kullanıcı hesabı oluşturun',
  confirmedTitle: 'E-posta adresiniz onaylandı',
  alreadyConfirmedTitle: 'E-posta adresiniz zaten onaylanmıştı',
  awaitingReviewBody:
    'Hesabınız, yetkili bir görevli belgelerinizi inceledikten sonra, en geç 24 saat içinde etkin olur. O zaman bir e-posta daha alacaksınız; ileti, istenmeyen e-posta (Junk/Spam) klasöründe olabilir.',
  accountActiveBody: 'Hesabınız etkin. Artık giriş yapabilirsiniz.',
  confirmLinkMissingTitle: 'E-postanızdaki bağlantıyı açın',
  newConfirmationLinkBody: 'Kaydolurken kullandığınız e-posta adresini girin; size yeni bir onay bağlantısı gönderelim.',
  sendNewLink: 'Yeni bağlantı gönderin',
  confirmationResent: (email: string) =>
    `${email} adresi onay bekliyorsa bu adrese yeni bir bağlantı gönderdik. İleti, istenmeyen e-posta (Junk/Spam) klasöründe olabilir.`,
};
