// A scripted AuthClient for the gallery: every call answers at once with
// what the mock server would answer (or what a state scripts instead), and
// nothing touches the network. A state scripts only the calls it is about:
//
//   scriptedClient({ loginWithPassword: () => Promise.reject(new AuthError('throttled', 429, { retryAfter: 300 })) })
//   scriptedClient({ register: never })   // "sending…", for as long as the page is open
import type { AuthClient, LoginResponse, PublicConfig } from '@egov/auth-widgets';

/** A call that never answers: the element stays in its loading state. */
export function never<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/** A CSRF token as `GET /session` gives one (the gallery sends nothing anywhere). */
const CSRF_TOKEN = 'gallery-csrf-token-not-a-secret';

/**
 * The mock server's `GET /config` answer in development (`--dev`: the test
 * PKI's CAs are in the directory, certificate login first), copied as it
 * was served, so the gallery's forms ask what a real portal's ask.
 */
export const GALLERY_CONFIG: PublicConfig = {
  "passwordPolicy": {
    "minLength": 15,
    "maxLength": 128
  },
  "uploads": {
    "minFiles": 1,
    "maxFiles": 3,
    "maxFileBytes": 3145728,
    "acceptedTypes": [
      "application/pdf",
      "image/png",
      "image/jpeg"
    ]
  },
  "loginModes": [
    "certificate",
    "password"
  ],
  "userTypes": [
    {
      "id": "foreign_citizen",
      "label": {
        "en": "Foreign citizen",
        "sr-Cyrl": "Страни држављанин",
        "ru": "Иностранный гражданин",
        "uk": "Іноземний громадянин",
        "zh-Hans": "外国公民",
        "tr": "Yabancı ülke vatandaşı",
        "ar": "مواطن أجنبي",
        "sr-Latn": "Strani državljanin"
      },
      "default": true,
      "documents": true,
      "fields": [
        {
          "name": "givenName",
          "required": true
        },
        {
          "name": "surname",
          "required": true
        },
        {
          "name": "dateOfBirth",
          "required": true
        },
        {
          "name": "sex",
          "required": true
        },
        {
          "name": "citizenship",
          "required": true
        },
        {
          "name": "documentNumber",
          "required": true
        },
        {
          "name": "foreignerNumber",
          "required": true
        },
        {
          "name": "addressInSerbia",
          "required": false
        },
        {
          "name": "phone",
          "required": false
        }
      ]
    },
    {
      "id": "serbian_citizen",
      "label": {
        "en": "Citizen of the Republic of Serbia",
        "sr-Cyrl": "Држављанин Републике Србије",
        "ru": "Гражданин Республики Сербия",
        "uk": "Громадянин Республіки Сербія",
        "zh-Hans": "塞尔维亚共和国公民",
        "tr": "Sırbistan Cumhuriyeti vatandaşı",
        "ar": "مواطن جمهورية صربيا",
        "sr-Latn": "Državljanin Republike Srbije"
      },
      "documents": false,
      "fields": [
        {
          "name": "givenName",
          "required": true
        },
        {
          "name": "surname",
          "required": true
        },
        {
          "name": "dateOfBirth",
          "required": true
        },
        {
          "name": "sex",
          "required": false
        },
        {
          "name": "documentNumber",
          "required": true
        },
        {
          "name": "addressInSerbia",
          "required": false
        },
        {
          "name": "phone",
          "required": false
        }
      ]
    }
  ],
  "certificateRegistrationReview": false,
  "certificationBodies": [
    {
      "id": "mup",
      "name": {
        "en": "Ministry of Interior Republic of Serbia",
        "sr-Cyrl": "МУП Републике Србије",
        "sr-Latn": "MUP Republike Srbije"
      },
      "site": "https://ca.mup.gov.rs/",
      "instructions": "https://ca.mup.gov.rs/eng.html",
      "support": {
        "email": "ca@mup.gov.rs",
        "url": "https://ca.mup.gov.rs/"
      },
      "pinUnblock": {
        "en": "If you have entered a wrong PIN more than four times in a row, the token may be locked, and no web site can unlock it. If that happened, or you have forgotten your PIN, contact the certification body that issued your certificate: it tells you how to unblock the token or get a new PIN. For the certificate on your identity card, that is the Ministry of Interior. Have your identity document at hand, and do not try other PINs in the meantime.",
        "sr-Cyrl": "Ако сте више од четири пута заредом унели погрешан PIN, уређај је можда закључан и ниједан веб-сајт не може да га откључа. Ако се то догодило или сте заборавили PIN, обратите се сертификационом телу које је издало ваш сертификат: оно ће вам рећи како да откључате уређај или добијете нови PIN. За сертификат на личној карти то је Министарство унутрашњих послова. Припремите лични документ и у међувремену не покушавајте са другим PIN-овима.",
        "ru": "Если вы более четырёх раз подряд ввели неверный PIN-код, токен может быть заблокирован, и ни один сайт не сможет его разблокировать. Если это произошло или вы забыли PIN-код, обратитесь в удостоверяющий центр, выдавший ваш сертификат: там объяснят, как разблокировать токен или получить новый PIN-код. Для сертификата на удостоверении личности это Министерство внутренних дел. Держите под рукой документ, удостоверяющий личность, и пока не пробуйте другие PIN-коды.",
        "uk": "Якщо ви ввели неправильний PIN-код більше ніж чотири рази поспіль, токен може бути заблоковано, і жоден вебсайт не зможе його розблокувати. Якщо так сталося або ви забули PIN-код, зверніться до центру сертифікації, який видав ваш сертифікат: там підкажуть, як розблокувати токен або отримати новий PIN-код. Для сертифіката на посвідченні особи це Міністерство внутрішніх справ. Майте під рукою документ, що посвідчує особу, і тим часом не пробуйте інші PIN-коди.",
        "zh-Hans": "如果您连续输错 PIN 码超过四次，智能卡或 USB Key 可能已被锁定，任何网站都无法将其解锁。如果发生了这种情况，或者您忘记了 PIN 码，请联系颁发您证书的认证机构：该机构会告诉您如何解锁智能卡或 USB Key，或如何获取新的 PIN 码。对于身份证上的证书，该机构即内务部。请准备好您的身份证件，在此期间不要尝试其他 PIN 码。",
        "tr": "Art arda dörtten fazla kez yanlış PIN girdiyseniz token kilitlenmiş olabilir ve hiçbir web sitesi bu kilidi açamaz. Böyle olduysa veya PIN’inizi unuttuysanız sertifikanızı veren sertifika hizmet sağlayıcısına başvurun: token kilidini nasıl açacağınızı veya nasıl yeni PIN alacağınızı size o açıklar. Kimlik kartınızdaki sertifika için bu kurum İçişleri Bakanlığıdır. Kimlik belgenizi yanınızda bulundurun ve bu arada başka PIN’ler denemeyin.",
        "ar": "إذا أدخلت رمز PIN خاطئًا أكثر من أربع مرات متتالية، فقد يكون التوكن مقفلًا، ولا يمكن لأي موقع إلكتروني فك قفله. إذا حدث ذلك، أو نسيت رمز PIN، فيُرجى التواصل مع جهة التصديق التي أصدرت شهادتك: ستخبرك بكيفية فك قفل التوكن أو الحصول على رمز PIN جديد. بالنسبة إلى الشهادة الموجودة على بطاقة الهوية، هذه الجهة هي وزارة الداخلية. يُرجى إبقاء وثيقة هويتك في متناول يدك، وعدم تجربة رموز PIN أخرى في هذه الأثناء.",
        "sr-Latn": "Ako ste više od četiri puta zaredom uneli pogrešan PIN, uređaj je možda zaključan i nijedan veb-sajt ne može da ga otključa. Ako se to dogodilo ili ste zaboravili PIN, obratite se sertifikacionom telu koje je izdalo vaš sertifikat: ono će vam reći kako da otključate uređaj ili dobijete novi PIN. Za sertifikat na ličnoj karti to je Ministarstvo unutrašnjih poslova. Pripremite lični dokument i u međuvremenu ne pokušavajte sa drugim PIN-ovima."
      },
      "issuers": [
        {
          "name": "MUPCA Gradjani 3",
          "subject": "MHUxHDAaBgkqhkiG9w0BCQEWDWNhQG11cC5nb3YucnMxCzAJBgNVBAYTAlJTMR0wGwYDVQQKDBRNVVAgUmVwdWJsaWtlIFNyYmlqZTEOMAwGA1UECwwFTVVQQ0ExGTAXBgNVBAMMEE1VUENBIEdyYWRqYW5pIDM=",
          "keyIdentifier": "662dc5529e230d09ef132d51fb96df500e602dde"
        },
        {
          "name": "MUPCA Sluzbenici 3",
          "subject": "MHcxHDAaBgkqhkiG9w0BCQEWDWNhQG11cC5nb3YucnMxCzAJBgNVBAYTAlJTMR0wGwYDVQQKDBRNVVAgUmVwdWJsaWtlIFNyYmlqZTEOMAwGA1UECwwFTVVQQ0ExGzAZBgNVBAMMEk1VUENBIFNsdXpiZW5pY2kgMw==",
          "keyIdentifier": "f61afe1a9bb2acff9d47b894db52e68504081f27"
        },
        {
          "name": "MUPCA Stranci",
          "subject": "MHIxHDAaBgkqhkiG9w0BCQEWDWNhQG11cC5nb3YucnMxCzAJBgNVBAYTAlJTMR0wGwYDVQQKDBRNVVAgUmVwdWJsaWtlIFNyYmlqZTEOMAwGA1UECwwFTVVQQ0ExFjAUBgNVBAMMDU1VUENBIFN0cmFuY2k=",
          "keyIdentifier": "a4f5e220e06afdbb4561957a6c49330afc9161d8"
        },
        {
          "name": "MUP Gradjani CA 4",
          "subject": "MIG3MQswCQYDVQQGEwJSUzEQMA4GA1UEBwwHQmVvZ3JhZDEYMBYGA1UEYQwPVkFUUlMtMTAwMTg0MTE2MSMwIQYDVQQLDBpTZXJ0aWZpa2FjaW9ubyB0ZWxvIE1VUCBSUzE7MDkGA1UECgwyTWluaXN0YXJzdHZvIHVudXRyYcWhbmppaCBwb3Nsb3ZhIFJlcHVibGlrZSBTcmJpamUxGjAYBgNVBAMMEU1VUCBHcmFkamFuaSBDQSA0",
          "keyIdentifier": "01855defd9a6f6217003af91d2a1b23cf7931fe1"
        },
        {
          "name": "MUP Stranci CA 4",
          "subject": "MIG2MQswCQYDVQQGEwJSUzEQMA4GA1UEBwwHQmVvZ3JhZDEYMBYGA1UEYQwPVkFUUlMtMTAwMTg0MTE2MSMwIQYDVQQLDBpTZXJ0aWZpa2FjaW9ubyB0ZWxvIE1VUCBSUzE7MDkGA1UECgwyTWluaXN0YXJzdHZvIHVudXRyYcWhbmppaCBwb3Nsb3ZhIFJlcHVibGlrZSBTcmJpamUxGTAXBgNVBAMMEE1VUCBTdHJhbmNpIENBIDQ=",
          "keyIdentifier": "61228abd4043b2fe30cf9b8aa7bff72884e51264"
        },
        {
          "name": "TEST MUP Gradjani CA 4",
          "subject": "MIHBMQswCQYDVQQGEwJSUzEQMA4GA1UEBxMHQmVvZ3JhZDEYMBYGA1UEYRMPVkFUUlMtMTAwMTg0MTE2MSMwIQYDVQQLExpTZXJ0aWZpa2FjaW9ubyB0ZWxvIE1VUCBSUzFAMD4GA1UECgw3VEVTVCBNaW5pc3RhcnN0dm8gdW51dHJhxaFuamloIHBvc2xvdmEgUmVwdWJsaWtlIFNyYmlqZTEfMB0GA1UEAxMWVEVTVCBNVVAgR3JhZGphbmkgQ0EgNA==",
          "keyIdentifier": "7d7ae3fb79f54a2981553adf9836c2d0e6e462fe"
        },
        {
          "name": "TEST MUP Stranci CA 4",
          "subject": "MIHAMQswCQYDVQQGEwJSUzEQMA4GA1UEBxMHQmVvZ3JhZDEYMBYGA1UEYRMPVkFUUlMtMTAwMTg0MTE2MSMwIQYDVQQLExpTZXJ0aWZpa2FjaW9ubyB0ZWxvIE1VUCBSUzFAMD4GA1UECgw3VEVTVCBNaW5pc3RhcnN0dm8gdW51dHJhxaFuamloIHBvc2xvdmEgUmVwdWJsaWtlIFNyYmlqZTEeMBwGA1UEAxMVVEVTVCBNVVAgU3RyYW5jaSBDQSA0",
          "keyIdentifier": "787cc9b6a4d62e0aac2fd8ee0c228b9af9a486f6"
        }
      ],
      "issuerNames": [
        "MUPCA Gradjani 3",
        "MUP Republike Srbije",
        "MUPCA Sluzbenici 3",
        "MUPCA Stranci",
        "MUP Gradjani CA 4",
        "Ministarstvo unutrašnjih poslova Republike Srbije",
        "MUP Stranci CA 4",
        "TEST MUP Gradjani CA 4",
        "TEST Ministarstvo unutrašnjih poslova Republike Srbije",
        "TEST MUP Stranci CA 4"
      ]
    },
    {
      "id": "posta",
      "name": {
        "en": "Pošta Srbije L.L.C.",
        "sr-Cyrl": "Пошта Србије д.о.о.",
        "sr-Latn": "Pošta Srbije d.o.o."
      },
      "site": "https://www.ca.posta.rs/",
      "instructions": "https://www.posta.rs/eng/stanovnistvo/usluga.aspx?usluga=e-services/electronic-certificates/qualified-e-signature-certificate&strana=service-description",
      "support": {
        "email": "ca-podrska@posta.rs",
        "url": "https://www.ca.posta.rs/"
      },
      "pinUnblock": {
        "en": "If you have entered a wrong PIN more than four times in a row, the token may be locked, and no web site can unlock it. If that happened, or you have forgotten your PIN, contact the certification body that issued your certificate: it tells you how to unblock the token or get a new PIN. Have your identity document at hand, and do not try other PINs in the meantime.",
        "sr-Cyrl": "Ако сте више од четири пута заредом унели погрешан PIN, уређај је можда закључан и ниједан веб-сајт не може да га откључа. Ако се то догодило или сте заборавили PIN, обратите се сертификационом телу које је издало ваш сертификат: оно ће вам рећи како да откључате уређај или добијете нови PIN. Припремите лични документ и у међувремену не покушавајте са другим PIN-овима.",
        "ru": "Если вы более четырёх раз подряд ввели неверный PIN-код, токен может быть заблокирован, и ни один сайт не сможет его разблокировать. Если это произошло или вы забыли PIN-код, обратитесь в удостоверяющий центр, выдавший ваш сертификат: там объяснят, как разблокировать токен или получить новый PIN-код. Держите под рукой документ, удостоверяющий личность, и пока не пробуйте другие PIN-коды.",
        "uk": "Якщо ви ввели неправильний PIN-код більше ніж чотири рази поспіль, токен може бути заблоковано, і жоден вебсайт не зможе його розблокувати. Якщо так сталося або ви забули PIN-код, зверніться до центру сертифікації, який видав ваш сертифікат: там підкажуть, як розблокувати токен або отримати новий PIN-код. Майте під рукою документ, що посвідчує особу, і тим часом не пробуйте інші PIN-коди.",
        "zh-Hans": "如果您连续输错 PIN 码超过四次，智能卡或 USB Key 可能已被锁定，任何网站都无法将其解锁。如果发生了这种情况，或者您忘记了 PIN 码，请联系颁发您证书的认证机构：该机构会告诉您如何解锁智能卡或 USB Key，或如何获取新的 PIN 码。请准备好您的身份证件，在此期间不要尝试其他 PIN 码。",
        "tr": "Art arda dörtten fazla kez yanlış PIN girdiyseniz token kilitlenmiş olabilir ve hiçbir web sitesi bu kilidi açamaz. Böyle olduysa veya PIN’inizi unuttuysanız sertifikanızı veren sertifika hizmet sağlayıcısına başvurun: token kilidini nasıl açacağınızı veya nasıl yeni PIN alacağınızı size o açıklar. Kimlik belgenizi yanınızda bulundurun ve bu arada başka PIN’ler denemeyin.",
        "ar": "إذا أدخلت رمز PIN خاطئًا أكثر من أربع مرات متتالية، فقد يكون التوكن مقفلًا، ولا يمكن لأي موقع إلكتروني فك قفله. إذا حدث ذلك، أو نسيت رمز PIN، فيُرجى التواصل مع جهة التصديق التي أصدرت شهادتك: ستخبرك بكيفية فك قفل التوكن أو الحصول على رمز PIN جديد. يُرجى إبقاء وثيقة هويتك في متناول يدك، وعدم تجربة رموز PIN أخرى في هذه الأثناء.",
        "sr-Latn": "Ako ste više od četiri puta zaredom uneli pogrešan PIN, uređaj je možda zaključan i nijedan veb-sajt ne može da ga otključa. Ako se to dogodilo ili ste zaboravili PIN, obratite se sertifikacionom telu koje je izdalo vaš sertifikat: ono će vam reći kako da otključate uređaj ili dobijete novi PIN. Pripremite lični dokument i u međuvremenu ne pokušavajte sa drugim PIN-ovima."
      },
      "issuers": [
        {
          "name": "Pošta Srbije CA 1",
          "subject": "MH8xCzAJBgNVBAYTAlJTMRAwDgYDVQQHDAdCZW9ncmFkMRgwFgYDVQRhDA9WQVRSUy0xMDAwMDI4MDMxJzAlBgNVBAoMHkphdm5vIHByZWR1emXEh2UgUG/FoXRhIFNyYmlqZTEbMBkGA1UEAwwSUG/FoXRhIFNyYmlqZSBDQSAx",
          "keyIdentifier": "63cf77d9bc08655a528a17da1ed77d527205a347"
        },
        {
          "name": "Pošta Srbije CA 2",
          "subject": "MHUxCzAJBgNVBAYTAlJTMRAwDgYDVQQHDAdCZW9ncmFkMRgwFgYDVQRhDA9WQVRSUy0xMDAwMDI4MDMxHTAbBgNVBAoMFFBvxaF0YSBTcmJpamUgZC5vLm8uMRswGQYDVQQDDBJQb8WhdGEgU3JiaWplIENBIDI=",
          "keyIdentifier": "cf57f744e9bb0cc53fc73ae18dd026a2de8c0115"
        },
        {
          "name": "TEST Pošta Srbije CA 1",
          "subject": "MIGJMQswCQYDVQQGEwJSUzEQMA4GA1UEBxMHQmVvZ3JhZDEYMBYGA1UEYRMPVkFUUlMtMTAwMDAyODAzMSwwKgYDVQQKDCNURVNUIEphdm5vIHByZWR1emXEh2UgUG/FoXRhIFNyYmlqZTEgMB4GA1UEAwwXVEVTVCBQb8WhdGEgU3JiaWplIENBIDE=",
          "keyIdentifier": "0a91253fdfc563e7ce6a0d7b7dde54648fae7250"
        }
      ],
      "issuerNames": [
        "Pošta Srbije CA 1",
        "Javno preduzeće Pošta Srbije",
        "Pošta Srbije CA 2",
        "Pošta Srbije d.o.o.",
        "TEST Pošta Srbije CA 1",
        "TEST Javno preduzeće Pošta Srbije"
      ]
    },
    {
      "id": "pks",
      "name": {
        "en": "Chamber of Commerce of Serbia",
        "sr-Cyrl": "Привредна комора Србије",
        "sr-Latn": "Privredna komora Srbije"
      },
      "site": "https://www.pks.rs/",
      "instructions": "https://pks.rs/strana/sekcija/usluge-elektronski-sertifikat-procedura-izdavanja",
      "support": {
        "email": "pksca@pks.rs",
        "url": "https://www.pks.rs/"
      },
      "pinUnblock": {
        "en": "If you have entered a wrong PIN more than four times in a row, the token may be locked, and no web site can unlock it. If that happened, or you have forgotten your PIN, contact the certification body that issued your certificate: it tells you how to unblock the token or get a new PIN. Have your identity document at hand, and do not try other PINs in the meantime.",
        "sr-Cyrl": "Ако сте више од четири пута заредом унели погрешан PIN, уређај је можда закључан и ниједан веб-сајт не може да га откључа. Ако се то догодило или сте заборавили PIN, обратите се сертификационом телу које је издало ваш сертификат: оно ће вам рећи како да откључате уређај или добијете нови PIN. Припремите лични документ и у међувремену не покушавајте са другим PIN-овима.",
        "ru": "Если вы более четырёх раз подряд ввели неверный PIN-код, токен может быть заблокирован, и ни один сайт не сможет его разблокировать. Если это произошло или вы забыли PIN-код, обратитесь в удостоверяющий центр, выдавший ваш сертификат: там объяснят, как разблокировать токен или получить новый PIN-код. Держите под рукой документ, удостоверяющий личность, и пока не пробуйте другие PIN-коды.",
        "uk": "Якщо ви ввели неправильний PIN-код більше ніж чотири рази поспіль, токен може бути заблоковано, і жоден вебсайт не зможе його розблокувати. Якщо так сталося або ви забули PIN-код, зверніться до центру сертифікації, який видав ваш сертифікат: там підкажуть, як розблокувати токен або отримати новий PIN-код. Майте під рукою документ, що посвідчує особу, і тим часом не пробуйте інші PIN-коди.",
        "zh-Hans": "如果您连续输错 PIN 码超过四次，智能卡或 USB Key 可能已被锁定，任何网站都无法将其解锁。如果发生了这种情况，或者您忘记了 PIN 码，请联系颁发您证书的认证机构：该机构会告诉您如何解锁智能卡或 USB Key，或如何获取新的 PIN 码。请准备好您的身份证件，在此期间不要尝试其他 PIN 码。",
        "tr": "Art arda dörtten fazla kez yanlış PIN girdiyseniz token kilitlenmiş olabilir ve hiçbir web sitesi bu kilidi açamaz. Böyle olduysa veya PIN’inizi unuttuysanız sertifikanızı veren sertifika hizmet sağlayıcısına başvurun: token kilidini nasıl açacağınızı veya nasıl yeni PIN alacağınızı size o açıklar. Kimlik belgenizi yanınızda bulundurun ve bu arada başka PIN’ler denemeyin.",
        "ar": "إذا أدخلت رمز PIN خاطئًا أكثر من أربع مرات متتالية، فقد يكون التوكن مقفلًا، ولا يمكن لأي موقع إلكتروني فك قفله. إذا حدث ذلك، أو نسيت رمز PIN، فيُرجى التواصل مع جهة التصديق التي أصدرت شهادتك: ستخبرك بكيفية فك قفل التوكن أو الحصول على رمز PIN جديد. يُرجى إبقاء وثيقة هويتك في متناول يدك، وعدم تجربة رموز PIN أخرى في هذه الأثناء.",
        "sr-Latn": "Ako ste više od četiri puta zaredom uneli pogrešan PIN, uređaj je možda zaključan i nijedan veb-sajt ne može da ga otključa. Ako se to dogodilo ili ste zaboravili PIN, obratite se sertifikacionom telu koje je izdalo vaš sertifikat: ono će vam reći kako da otključate uređaj ili dobijete novi PIN. Pripremite lični dokument i u međuvremenu ne pokušavajte sa drugim PIN-ovima."
      },
      "issuers": [
        {
          "name": "PKS CA Class1",
          "subject": "MFgxCzAJBgNVBAYTAlJTMQ8wDQYDVQQLDAZQS1MgQ0ExIDAeBgNVBAoMF1ByaXZyZWRuYSBLb21vcmEgU3JiaWplMRYwFAYDVQQDDA1QS1MgQ0EgQ2xhc3Mx",
          "keyIdentifier": "1e78b85304b9e3027474f45b086722451aeb64c5"
        },
        {
          "name": "PKS CA Class1 - Kvalifikovani sertifikati",
          "subject": "MHQxCzAJBgNVBAYTAlJTMSAwHgYDVQQKDBdQcml2cmVkbmEga29tb3JhIFNyYmlqZTEPMA0GA1UECwwGUEtTIENBMTIwMAYDVQQDDClQS1MgQ0EgQ2xhc3MxIC0gS3ZhbGlmaWtvdmFuaSBzZXJ0aWZpa2F0aQ==",
          "keyIdentifier": "e141d3f846daa2d14b9176b258de5b45eedf23d0"
        },
        {
          "name": "PKS CA Cloud",
          "subject": "MFcxCzAJBgNVBAYTAlJTMQ8wDQYDVQQLDAZQS1MgQ0ExIDAeBgNVBAoMF1ByaXZyZWRuYSBLb21vcmEgU3JiaWplMRUwEwYDVQQDDAxQS1MgQ0EgQ2xvdWQ=",
          "keyIdentifier": "ed4d3bf6eba370542fa13fce3a93911c27664497"
        },
        {
          "name": "TEST PKS CA Class1 - Kvalifikovani sertifikati",
          "subject": "MH4xCzAJBgNVBAYTAlJTMSUwIwYDVQQKExxURVNUIFByaXZyZWRuYSBrb21vcmEgU3JiaWplMQ8wDQYDVQQLEwZQS1MgQ0ExNzA1BgNVBAMTLlRFU1QgUEtTIENBIENsYXNzMSAtIEt2YWxpZmlrb3Zhbmkgc2VydGlmaWthdGk=",
          "keyIdentifier": "1166023531f15c20f54bc39a334e9a90af0f4219"
        }
      ],
      "issuerNames": [
        "PKS CA Class1",
        "Privredna Komora Srbije",
        "PKS CA Class1 - Kvalifikovani sertifikati",
        "Privredna komora Srbije",
        "PKS CA Cloud",
        "TEST PKS CA Class1 - Kvalifikovani sertifikati",
        "TEST Privredna komora Srbije"
      ]
    },
    {
      "id": "halcom",
      "name": {
        "en": "Halcom a.d. Beograd",
        "sr-Cyrl": "Привредно друштво Halcom а.д. Београд",
        "sr-Latn": "Privredno društvo Halcom a.d. Beograd"
      },
      "site": "https://www.halcom.rs/",
      "instructions": "https://www.halcom.com/sl_en/qualified-digital-certificate/",
      "support": {
        "email": "ca@halcom.rs",
        "url": "https://support.halcom.com/"
      },
      "pinUnblock": {
        "en": "If you have entered a wrong PIN more than four times in a row, the token may be locked, and no web site can unlock it. If that happened, or you have forgotten your PIN, contact the certification body that issued your certificate: it tells you how to unblock the token or get a new PIN. Have your identity document at hand, and do not try other PINs in the meantime.",
        "sr-Cyrl": "Ако сте више од четири пута заредом унели погрешан PIN, уређај је можда закључан и ниједан веб-сајт не може да га откључа. Ако се то догодило или сте заборавили PIN, обратите се сертификационом телу које је издало ваш сертификат: оно ће вам рећи како да откључате уређај или добијете нови PIN. Припремите лични документ и у међувремену не покушавајте са другим PIN-овима.",
        "ru": "Если вы более четырёх раз подряд ввели неверный PIN-код, токен может быть заблокирован, и ни один сайт не сможет его разблокировать. Если это произошло или вы забыли PIN-код, обратитесь в удостоверяющий центр, выдавший ваш сертификат: там объяснят, как разблокировать токен или получить новый PIN-код. Держите под рукой документ, удостоверяющий личность, и пока не пробуйте другие PIN-коды.",
        "uk": "Якщо ви ввели неправильний PIN-код більше ніж чотири рази поспіль, токен може бути заблоковано, і жоден вебсайт не зможе його розблокувати. Якщо так сталося або ви забули PIN-код, зверніться до центру сертифікації, який видав ваш сертифікат: там підкажуть, як розблокувати токен або отримати новий PIN-код. Майте під рукою документ, що посвідчує особу, і тим часом не пробуйте інші PIN-коди.",
        "zh-Hans": "如果您连续输错 PIN 码超过四次，智能卡或 USB Key 可能已被锁定，任何网站都无法将其解锁。如果发生了这种情况，或者您忘记了 PIN 码，请联系颁发您证书的认证机构：该机构会告诉您如何解锁智能卡或 USB Key，或如何获取新的 PIN 码。请准备好您的身份证件，在此期间不要尝试其他 PIN 码。",
        "tr": "Art arda dörtten fazla kez yanlış PIN girdiyseniz token kilitlenmiş olabilir ve hiçbir web sitesi bu kilidi açamaz. Böyle olduysa veya PIN’inizi unuttuysanız sertifikanızı veren sertifika hizmet sağlayıcısına başvurun: token kilidini nasıl açacağınızı veya nasıl yeni PIN alacağınızı size o açıklar. Kimlik belgenizi yanınızda bulundurun ve bu arada başka PIN’ler denemeyin.",
        "ar": "إذا أدخلت رمز PIN خاطئًا أكثر من أربع مرات متتالية، فقد يكون التوكن مقفلًا، ولا يمكن لأي موقع إلكتروني فك قفله. إذا حدث ذلك، أو نسيت رمز PIN، فيُرجى التواصل مع جهة التصديق التي أصدرت شهادتك: ستخبرك بكيفية فك قفل التوكن أو الحصول على رمز PIN جديد. يُرجى إبقاء وثيقة هويتك في متناول يدك، وعدم تجربة رموز PIN أخرى في هذه الأثناء.",
        "sr-Latn": "Ako ste više od četiri puta zaredom uneli pogrešan PIN, uređaj je možda zaključan i nijedan veb-sajt ne može da ga otključa. Ako se to dogodilo ili ste zaboravili PIN, obratite se sertifikacionom telu koje je izdalo vaš sertifikat: ono će vam reći kako da otključate uređaj ili dobijete novi PIN. Pripremite lični dokument i u međuvremenu ne pokušavajte sa drugim PIN-ovima."
      },
      "issuers": [
        {
          "name": "Halcom BG CA PL e-signature",
          "subject": "MIGCMQswCQYDVQQGEwJSUzEcMBoGA1UEChMTSGFsY29tIGEuZC4gQmVvZ3JhZDEvMBUGA1UEYRMOTUI6UlMtMTc0MTk3MjIwFgYDVQRhEw9WQVRSUy0xMDIxOTM3MjIxJDAiBgNVBAMTG0hhbGNvbSBCRyBDQSBQTCBlLXNpZ25hdHVyZQ==",
          "keyIdentifier": "4760617d9d0b7c36"
        },
        {
          "name": "Halcom BG CA FL e-signature",
          "subject": "MIGCMQswCQYDVQQGEwJSUzEcMBoGA1UEChMTSGFsY29tIGEuZC4gQmVvZ3JhZDEvMBUGA1UEYRMOTUI6UlMtMTc0MTk3MjIwFgYDVQRhEw9WQVRSUy0xMDIxOTM3MjIxJDAiBgNVBAMTG0hhbGNvbSBCRyBDQSBGTCBlLXNpZ25hdHVyZQ==",
          "keyIdentifier": "4db523f3fff40a62"
        },
        {
          "name": "Halcom BG CA PL e-signature 2",
          "subject": "MIGEMQswCQYDVQQGEwJSUzEcMBoGA1UEChMTSGFsY29tIGEuZC4gQmVvZ3JhZDEvMBUGA1UEYRMOTUI6UlMtMTc0MTk3MjIwFgYDVQRhEw9WQVRSUy0xMDIxOTM3MjIxJjAkBgNVBAMTHUhhbGNvbSBCRyBDQSBQTCBlLXNpZ25hdHVyZSAy",
          "keyIdentifier": "4a7acd4baf93bca3"
        },
        {
          "name": "Halcom BG CA FL e-signature 2",
          "subject": "MIGEMQswCQYDVQQGEwJSUzEcMBoGA1UEChMTSGFsY29tIGEuZC4gQmVvZ3JhZDEvMBUGA1UEYRMOTUI6UlMtMTc0MTk3MjIwFgYDVQRhEw9WQVRSUy0xMDIxOTM3MjIxJjAkBgNVBAMTHUhhbGNvbSBCRyBDQSBGTCBlLXNpZ25hdHVyZSAy",
          "keyIdentifier": "4c01a19a03aa662b"
        },
        {
          "name": "TEST Halcom BG CA FL e-signature",
          "subject": "MIGMMQswCQYDVQQGEwJSUzEhMB8GA1UEChMYVEVTVCBIYWxjb20gYS5kLiBCZW9ncmFkMS8wFQYDVQRhEw5NQjpSUy0xNzQxOTcyMjAWBgNVBGETD1ZBVFJTLTEwMjE5MzcyMjEpMCcGA1UEAxMgVEVTVCBIYWxjb20gQkcgQ0EgRkwgZS1zaWduYXR1cmU=",
          "keyIdentifier": "4a0c7b6713d9a9cb7a4bcff1c97ce92ea9389364"
        }
      ],
      "issuerNames": [
        "Halcom BG CA PL e-signature",
        "Halcom a.d. Beograd",
        "Halcom BG CA FL e-signature",
        "Halcom BG CA PL e-signature 2",
        "Halcom BG CA FL e-signature 2",
        "TEST Halcom BG CA FL e-signature",
        "TEST Halcom a.d. Beograd"
      ]
    },
    {
      "id": "esmart",
      "name": {
        "en": "E-Smart Systems d.o.o.",
        "sr-Cyrl": "E-Smart Systems д.о.о.",
        "sr-Latn": "E-Smart Systems d.o.o."
      },
      "site": "https://essqca.e-smartsys.com/",
      "instructions": "https://www.e-smartsys.com/en/services/Pages/ESS-QCA-Qualified-certificate-for-electronic-signature.aspx",
      "support": {
        "email": "info_qca@e-smartsys.com",
        "url": "https://essqca.e-smartsys.com/"
      },
      "pinUnblock": {
        "en": "If you have entered a wrong PIN more than four times in a row, the token may be locked, and no web site can unlock it. If that happened, or you have forgotten your PIN, contact the certification body that issued your certificate: it tells you how to unblock the token or get a new PIN. Have your identity document at hand, and do not try other PINs in the meantime.",
        "sr-Cyrl": "Ако сте више од четири пута заредом унели погрешан PIN, уређај је можда закључан и ниједан веб-сајт не може да га откључа. Ако се то догодило или сте заборавили PIN, обратите се сертификационом телу које је издало ваш сертификат: оно ће вам рећи како да откључате уређај или добијете нови PIN. Припремите лични документ и у међувремену не покушавајте са другим PIN-овима.",
        "ru": "Если вы более четырёх раз подряд ввели неверный PIN-код, токен может быть заблокирован, и ни один сайт не сможет его разблокировать. Если это произошло или вы забыли PIN-код, обратитесь в удостоверяющий центр, выдавший ваш сертификат: там объяснят, как разблокировать токен или получить новый PIN-код. Держите под рукой документ, удостоверяющий личность, и пока не пробуйте другие PIN-коды.",
        "uk": "Якщо ви ввели неправильний PIN-код більше ніж чотири рази поспіль, токен може бути заблоковано, і жоден вебсайт не зможе його розблокувати. Якщо так сталося або ви забули PIN-код, зверніться до центру сертифікації, який видав ваш сертифікат: там підкажуть, як розблокувати токен або отримати новий PIN-код. Майте під рукою документ, що посвідчує особу, і тим часом не пробуйте інші PIN-коди.",
        "zh-Hans": "如果您连续输错 PIN 码超过四次，智能卡或 USB Key 可能已被锁定，任何网站都无法将其解锁。如果发生了这种情况，或者您忘记了 PIN 码，请联系颁发您证书的认证机构：该机构会告诉您如何解锁智能卡或 USB Key，或如何获取新的 PIN 码。请准备好您的身份证件，在此期间不要尝试其他 PIN 码。",
        "tr": "Art arda dörtten fazla kez yanlış PIN girdiyseniz token kilitlenmiş olabilir ve hiçbir web sitesi bu kilidi açamaz. Böyle olduysa veya PIN’inizi unuttuysanız sertifikanızı veren sertifika hizmet sağlayıcısına başvurun: token kilidini nasıl açacağınızı veya nasıl yeni PIN alacağınızı size o açıklar. Kimlik belgenizi yanınızda bulundurun ve bu arada başka PIN’ler denemeyin.",
        "ar": "إذا أدخلت رمز PIN خاطئًا أكثر من أربع مرات متتالية، فقد يكون التوكن مقفلًا، ولا يمكن لأي موقع إلكتروني فك قفله. إذا حدث ذلك، أو نسيت رمز PIN، فيُرجى التواصل مع جهة التصديق التي أصدرت شهادتك: ستخبرك بكيفية فك قفل التوكن أو الحصول على رمز PIN جديد. يُرجى إبقاء وثيقة هويتك في متناول يدك، وعدم تجربة رموز PIN أخرى في هذه الأثناء.",
        "sr-Latn": "Ako ste više od četiri puta zaredom uneli pogrešan PIN, uređaj je možda zaključan i nijedan veb-sajt ne može da ga otključa. Ako se to dogodilo ili ste zaboravili PIN, obratite se sertifikacionom telu koje je izdalo vaš sertifikat: ono će vam reći kako da otključate uređaj ili dobijete novi PIN. Pripremite lični dokument i u međuvremenu ne pokušavajte sa drugim PIN-ovima."
      },
      "issuers": [
        {
          "name": "ESS IQCA1",
          "subject": "MEIxCzAJBgNVBAYTAlJTMR8wHQYDVQQKExZFLVNtYXJ0IFN5c3RlbXMgZC5vLm8uMRIwEAYDVQQDEwlFU1MgSVFDQTE=",
          "keyIdentifier": "59043b39ed9d05fc2fe0c059c61b4db9924a99a6"
        },
        {
          "name": "ESS IQCA1",
          "subject": "MEIxCzAJBgNVBAYTAlJTMR8wHQYDVQQKExZFLVNtYXJ0IFN5c3RlbXMgZC5vLm8uMRIwEAYDVQQDEwlFU1MgSVFDQTE=",
          "keyIdentifier": "a888593177c59291679774498e4d5e8a2b82612d"
        },
        {
          "name": "ESS IQCA1 V3",
          "subject": "MIGKMQswCQYDVQQGEwJSUzEYMBYGA1UEYQwPVkFUUlMtMTAxODMzMTQxMRcwFQYDVQRhDA5NQjpSUy0xNzI0NzU2NTEfMB0GA1UECgwWRS1TbWFydCBTeXN0ZW1zIGQuby5vLjEQMA4GA1UECwwHRVNTIFFDQTEVMBMGA1UEAwwMRVNTIElRQ0ExIFYz",
          "keyIdentifier": "e6c80b8a6a33f2247777c419189e76aa8906d051"
        },
        {
          "name": "TEST ESS IQCA1 V3",
          "subject": "MIGUMQswCQYDVQQGEwJSUzEYMBYGA1UEYRMPVkFUUlMtMTAxODMzMTQxMRcwFQYDVQRhEw5NQjpSUy0xNzI0NzU2NTEkMCIGA1UEChMbVEVTVCBFLVNtYXJ0IFN5c3RlbXMgZC5vLm8uMRAwDgYDVQQLEwdFU1MgUUNBMRowGAYDVQQDExFURVNUIEVTUyBJUUNBMSBWMw==",
          "keyIdentifier": "061f671de0e1904a0b47b7a067e615278822d3d8"
        }
      ],
      "issuerNames": [
        "ESS IQCA1",
        "E-Smart Systems d.o.o.",
        "ESS IQCA1 V3",
        "TEST ESS IQCA1 V3",
        "TEST E-Smart Systems d.o.o."
      ]
    },
    {
      "id": "ite",
      "name": {
        "en": "Office for IT and eGovernment",
        "sr-Cyrl": "Канцеларија за информационе технологије и електронску управу",
        "sr-Latn": "Kancelarija za informacione tehnologije i elektronsku upravu"
      },
      "site": "https://www.ite.gov.rs/",
      "support": {
        "email": "tsa@ite.gov.rs",
        "url": "https://www.ite.gov.rs/"
      },
      "pinUnblock": {
        "en": "If you have entered a wrong PIN more than four times in a row, the token may be locked, and no web site can unlock it. If that happened, or you have forgotten your PIN, contact the certification body that issued your certificate: it tells you how to unblock the token or get a new PIN. Have your identity document at hand, and do not try other PINs in the meantime.",
        "sr-Cyrl": "Ако сте више од четири пута заредом унели погрешан PIN, уређај је можда закључан и ниједан веб-сајт не може да га откључа. Ако се то догодило или сте заборавили PIN, обратите се сертификационом телу које је издало ваш сертификат: оно ће вам рећи како да откључате уређај или добијете нови PIN. Припремите лични документ и у међувремену не покушавајте са другим PIN-овима.",
        "ru": "Если вы более четырёх раз подряд ввели неверный PIN-код, токен может быть заблокирован, и ни один сайт не сможет его разблокировать. Если это произошло или вы забыли PIN-код, обратитесь в удостоверяющий центр, выдавший ваш сертификат: там объяснят, как разблокировать токен или получить новый PIN-код. Держите под рукой документ, удостоверяющий личность, и пока не пробуйте другие PIN-коды.",
        "uk": "Якщо ви ввели неправильний PIN-код більше ніж чотири рази поспіль, токен може бути заблоковано, і жоден вебсайт не зможе його розблокувати. Якщо так сталося або ви забули PIN-код, зверніться до центру сертифікації, який видав ваш сертифікат: там підкажуть, як розблокувати токен або отримати новий PIN-код. Майте під рукою документ, що посвідчує особу, і тим часом не пробуйте інші PIN-коди.",
        "zh-Hans": "如果您连续输错 PIN 码超过四次，智能卡或 USB Key 可能已被锁定，任何网站都无法将其解锁。如果发生了这种情况，或者您忘记了 PIN 码，请联系颁发您证书的认证机构：该机构会告诉您如何解锁智能卡或 USB Key，或如何获取新的 PIN 码。请准备好您的身份证件，在此期间不要尝试其他 PIN 码。",
        "tr": "Art arda dörtten fazla kez yanlış PIN girdiyseniz token kilitlenmiş olabilir ve hiçbir web sitesi bu kilidi açamaz. Böyle olduysa veya PIN’inizi unuttuysanız sertifikanızı veren sertifika hizmet sağlayıcısına başvurun: token kilidini nasıl açacağınızı veya nasıl yeni PIN alacağınızı size o açıklar. Kimlik belgenizi yanınızda bulundurun ve bu arada başka PIN’ler denemeyin.",
        "ar": "إذا أدخلت رمز PIN خاطئًا أكثر من أربع مرات متتالية، فقد يكون التوكن مقفلًا، ولا يمكن لأي موقع إلكتروني فك قفله. إذا حدث ذلك، أو نسيت رمز PIN، فيُرجى التواصل مع جهة التصديق التي أصدرت شهادتك: ستخبرك بكيفية فك قفل التوكن أو الحصول على رمز PIN جديد. يُرجى إبقاء وثيقة هويتك في متناول يدك، وعدم تجربة رموز PIN أخرى في هذه الأثناء.",
        "sr-Latn": "Ako ste više od četiri puta zaredom uneli pogrešan PIN, uređaj je možda zaključan i nijedan veb-sajt ne može da ga otključa. Ako se to dogodilo ili ste zaboravili PIN, obratite se sertifikacionom telu koje je izdalo vaš sertifikat: ono će vam reći kako da otključate uređaj ili dobijete novi PIN. Pripremite lični dokument i u međuvremenu ne pokušavajte sa drugim PIN-ovima."
      },
      "issuers": [
        {
          "name": "EID RS Sign",
          "subject": "MIGWMQswCQYDVQQGEwJSUzEQMA4GA1UEBxMHQmVvZ3JhZDEYMBYGA1UEYRMPVkFUUlMtMTEwMTc3ODg2MUUwQwYDVQQKEzxLYW5jZWxhcmlqYSB6YSBpbmZvcm1hY2lvbmUgdGVobm9sb2dpamUgaSBlbGVrdHJvbnNrdSB1cHJhdnUxFDASBgNVBAMTC0VJRCBSUyBTaWdu",
          "keyIdentifier": "2bdbc8e472c2b03f3457dd2d5ae3e18595a99db5"
        },
        {
          "name": "TEST EID RS Sign",
          "subject": "MIGgMQswCQYDVQQGEwJSUzEQMA4GA1UEBxMHQmVvZ3JhZDEYMBYGA1UEYRMPVkFUUlMtMTEwMTc3ODg2MUowSAYDVQQKE0FURVNUIEthbmNlbGFyaWphIHphIGluZm9ybWFjaW9uZSB0ZWhub2xvZ2lqZSBpIGVsZWt0cm9uc2t1IHVwcmF2dTEZMBcGA1UEAxMQVEVTVCBFSUQgUlMgU2lnbg==",
          "keyIdentifier": "7ca565f6e1c77b296cdb804ac281398bc9d4bd4e"
        }
      ],
      "issuerNames": [
        "EID RS Sign",
        "Kancelarija za informacione tehnologije i elektronsku upravu",
        "TEST EID RS Sign",
        "TEST Kancelarija za informacione tehnologije i elektronsku upravu"
      ]
    },
    {
      "id": "paperless",
      "name": {
        "en": "Paperless doo Beograd",
        "sr-Cyrl": "Paperless доо Београд",
        "sr-Latn": "Paperless doo Beograd"
      },
      "site": "https://paperless.rs/ca/",
      "support": {
        "email": "ca@paperless.rs",
        "url": "https://paperless.rs/ca/"
      },
      "pinUnblock": {
        "en": "If you have entered a wrong PIN more than four times in a row, the token may be locked, and no web site can unlock it. If that happened, or you have forgotten your PIN, contact the certification body that issued your certificate: it tells you how to unblock the token or get a new PIN. Have your identity document at hand, and do not try other PINs in the meantime.",
        "sr-Cyrl": "Ако сте више од четири пута заредом унели погрешан PIN, уређај је можда закључан и ниједан веб-сајт не може да га откључа. Ако се то догодило или сте заборавили PIN, обратите се сертификационом телу које је издало ваш сертификат: оно ће вам рећи како да откључате уређај или добијете нови PIN. Припремите лични документ и у међувремену не покушавајте са другим PIN-овима.",
        "ru": "Если вы более четырёх раз подряд ввели неверный PIN-код, токен может быть заблокирован, и ни один сайт не сможет его разблокировать. Если это произошло или вы забыли PIN-код, обратитесь в удостоверяющий центр, выдавший ваш сертификат: там объяснят, как разблокировать токен или получить новый PIN-код. Держите под рукой документ, удостоверяющий личность, и пока не пробуйте другие PIN-коды.",
        "uk": "Якщо ви ввели неправильний PIN-код більше ніж чотири рази поспіль, токен може бути заблоковано, і жоден вебсайт не зможе його розблокувати. Якщо так сталося або ви забули PIN-код, зверніться до центру сертифікації, який видав ваш сертифікат: там підкажуть, як розблокувати токен або отримати новий PIN-код. Майте під рукою документ, що посвідчує особу, і тим часом не пробуйте інші PIN-коди.",
        "zh-Hans": "如果您连续输错 PIN 码超过四次，智能卡或 USB Key 可能已被锁定，任何网站都无法将其解锁。如果发生了这种情况，或者您忘记了 PIN 码，请联系颁发您证书的认证机构：该机构会告诉您如何解锁智能卡或 USB Key，或如何获取新的 PIN 码。请准备好您的身份证件，在此期间不要尝试其他 PIN 码。",
        "tr": "Art arda dörtten fazla kez yanlış PIN girdiyseniz token kilitlenmiş olabilir ve hiçbir web sitesi bu kilidi açamaz. Böyle olduysa veya PIN’inizi unuttuysanız sertifikanızı veren sertifika hizmet sağlayıcısına başvurun: token kilidini nasıl açacağınızı veya nasıl yeni PIN alacağınızı size o açıklar. Kimlik belgenizi yanınızda bulundurun ve bu arada başka PIN’ler denemeyin.",
        "ar": "إذا أدخلت رمز PIN خاطئًا أكثر من أربع مرات متتالية، فقد يكون التوكن مقفلًا، ولا يمكن لأي موقع إلكتروني فك قفله. إذا حدث ذلك، أو نسيت رمز PIN، فيُرجى التواصل مع جهة التصديق التي أصدرت شهادتك: ستخبرك بكيفية فك قفل التوكن أو الحصول على رمز PIN جديد. يُرجى إبقاء وثيقة هويتك في متناول يدك، وعدم تجربة رموز PIN أخرى في هذه الأثناء.",
        "sr-Latn": "Ako ste više od četiri puta zaredom uneli pogrešan PIN, uređaj je možda zaključan i nijedan veb-sajt ne može da ga otključa. Ako se to dogodilo ili ste zaboravili PIN, obratite se sertifikacionom telu koje je izdalo vaš sertifikat: ono će vam reći kako da otključate uređaj ili dobijete novi PIN. Pripremite lični dokument i u međuvremenu ne pokušavajte sa drugim PIN-ovima."
      },
      "issuers": [
        {
          "name": "Paperless FL eSignature CA 1",
          "subject": "MIGrMSUwIwYDVQQDDBxQYXBlcmxlc3MgRkwgZVNpZ25hdHVyZSBDQSAxMR4wHAYDVQQKDBVQYXBlcmxlc3MgZG9vIEJlb2dyYWQxETAPBgNVBAcMCEJlbGdyYWRlMQ8wDQYDVQQIDAZTZXJiaWExCzAJBgNVBAYTAlJTMRgwFgYDVQRhDA9WQVRSUy0xMDg3MDkxMzAxFzAVBgNVBGEMDk1COlJTLTIxMDUyMDE5",
          "keyIdentifier": "fcf6a5661c7a8bab5b70a7da3a028a33c95b21fb"
        },
        {
          "name": "Paperless PL eSignature CA 1",
          "subject": "MIGrMSUwIwYDVQQDDBxQYXBlcmxlc3MgUEwgZVNpZ25hdHVyZSBDQSAxMR4wHAYDVQQKDBVQYXBlcmxlc3MgZG9vIEJlb2dyYWQxETAPBgNVBAcMCEJlbGdyYWRlMQ8wDQYDVQQIDAZTZXJiaWExCzAJBgNVBAYTAlJTMRgwFgYDVQRhDA9WQVRSUy0xMDg3MDkxMzAxFzAVBgNVBGEMDk1COlJTLTIxMDUyMDE5",
          "keyIdentifier": "7a002159e2a0aab6527ac308433df6349b466042"
        },
        {
          "name": "Paperless GOV eSignature CA 1",
          "subject": "MIGsMSYwJAYDVQQDDB1QYXBlcmxlc3MgR09WIGVTaWduYXR1cmUgQ0EgMTEeMBwGA1UECgwVUGFwZXJsZXNzIGRvbyBCZW9ncmFkMREwDwYDVQQHDAhCZWxncmFkZTEPMA0GA1UECAwGU2VyYmlhMQswCQYDVQQGEwJSUzEYMBYGA1UEYQwPVkFUUlMtMTA4NzA5MTMwMRcwFQYDVQRhDA5NQjpSUy0yMTA1MjAxOQ==",
          "keyIdentifier": "99cf9b2077c3da676844074c20a91137c3aeb649"
        },
        {
          "name": "TEST Paperless FL eSignature CA 1",
          "subject": "MIG1MSowKAYDVQQDEyFURVNUIFBhcGVybGVzcyBGTCBlU2lnbmF0dXJlIENBIDExIzAhBgNVBAoTGlRFU1QgUGFwZXJsZXNzIGRvbyBCZW9ncmFkMREwDwYDVQQHEwhCZWxncmFkZTEPMA0GA1UECBMGU2VyYmlhMQswCQYDVQQGEwJSUzEYMBYGA1UEYRMPVkFUUlMtMTA4NzA5MTMwMRcwFQYDVQRhEw5NQjpSUy0yMTA1MjAxOQ==",
          "keyIdentifier": "22309ee269bce27d38dd306a101d5044c06fe890"
        }
      ],
      "issuerNames": [
        "Paperless FL eSignature CA 1",
        "Paperless doo Beograd",
        "Paperless PL eSignature CA 1",
        "Paperless GOV eSignature CA 1",
        "TEST Paperless FL eSignature CA 1",
        "TEST Paperless doo Beograd"
      ]
    },
    {
      "id": "mod",
      "name": {
        "en": "Ministry of Defense and Serbian Armed Forces",
        "sr-Cyrl": "Министарство одбране и Војска Србије",
        "sr-Latn": "Ministarstvo odbrane i Vojska Srbije"
      },
      "site": "https://ca.vs.rs/",
      "support": {
        "email": "ca.moivs@vs.rs",
        "url": "https://ca.vs.rs/"
      },
      "pinUnblock": {
        "en": "If you have entered a wrong PIN more than four times in a row, the token may be locked, and no web site can unlock it. If that happened, or you have forgotten your PIN, contact the certification body that issued your certificate: it tells you how to unblock the token or get a new PIN. Have your identity document at hand, and do not try other PINs in the meantime.",
        "sr-Cyrl": "Ако сте више од четири пута заредом унели погрешан PIN, уређај је можда закључан и ниједан веб-сајт не може да га откључа. Ако се то догодило или сте заборавили PIN, обратите се сертификационом телу које је издало ваш сертификат: оно ће вам рећи како да откључате уређај или добијете нови PIN. Припремите лични документ и у међувремену не покушавајте са другим PIN-овима.",
        "ru": "Если вы более четырёх раз подряд ввели неверный PIN-код, токен может быть заблокирован, и ни один сайт не сможет его разблокировать. Если это произошло или вы забыли PIN-код, обратитесь в удостоверяющий центр, выдавший ваш сертификат: там объяснят, как разблокировать токен или получить новый PIN-код. Держите под рукой документ, удостоверяющий личность, и пока не пробуйте другие PIN-коды.",
        "uk": "Якщо ви ввели неправильний PIN-код більше ніж чотири рази поспіль, токен може бути заблоковано, і жоден вебсайт не зможе його розблокувати. Якщо так сталося або ви забули PIN-код, зверніться до центру сертифікації, який видав ваш сертифікат: там підкажуть, як розблокувати токен або отримати новий PIN-код. Майте під рукою документ, що посвідчує особу, і тим часом не пробуйте інші PIN-коди.",
        "zh-Hans": "如果您连续输错 PIN 码超过四次，智能卡或 USB Key 可能已被锁定，任何网站都无法将其解锁。如果发生了这种情况，或者您忘记了 PIN 码，请联系颁发您证书的认证机构：该机构会告诉您如何解锁智能卡或 USB Key，或如何获取新的 PIN 码。请准备好您的身份证件，在此期间不要尝试其他 PIN 码。",
        "tr": "Art arda dörtten fazla kez yanlış PIN girdiyseniz token kilitlenmiş olabilir ve hiçbir web sitesi bu kilidi açamaz. Böyle olduysa veya PIN’inizi unuttuysanız sertifikanızı veren sertifika hizmet sağlayıcısına başvurun: token kilidini nasıl açacağınızı veya nasıl yeni PIN alacağınızı size o açıklar. Kimlik belgenizi yanınızda bulundurun ve bu arada başka PIN’ler denemeyin.",
        "ar": "إذا أدخلت رمز PIN خاطئًا أكثر من أربع مرات متتالية، فقد يكون التوكن مقفلًا، ولا يمكن لأي موقع إلكتروني فك قفله. إذا حدث ذلك، أو نسيت رمز PIN، فيُرجى التواصل مع جهة التصديق التي أصدرت شهادتك: ستخبرك بكيفية فك قفل التوكن أو الحصول على رمز PIN جديد. يُرجى إبقاء وثيقة هويتك في متناول يدك، وعدم تجربة رموز PIN أخرى في هذه الأثناء.",
        "sr-Latn": "Ako ste više od četiri puta zaredom uneli pogrešan PIN, uređaj je možda zaključan i nijedan veb-sajt ne može da ga otključa. Ako se to dogodilo ili ste zaboravili PIN, obratite se sertifikacionom telu koje je izdalo vaš sertifikat: ono će vam reći kako da otključate uređaj ili dobijete novi PIN. Pripremite lični dokument i u međuvremenu ne pokušavajte sa drugim PIN-ovima."
      },
      "issuers": [
        {
          "name": "MO VS UzK CA 3",
          "subject": "MGcxCzAJBgNVBAYTAlJTMRAwDgYDVQQHDAdCZW9ncmFkMS0wKwYDVQQKDCRNaW5pc3RhcnN0dm8gb2RicmFuZSBpIFZvanNrYSBTcmJpamUxFzAVBgNVBAMMDk1PIFZTIFV6SyBDQSAz",
          "keyIdentifier": "2633f189b2591a89c7345c8bdadf4368810ff1e4"
        }
      ],
      "issuerNames": [
        "MO VS UzK CA 3",
        "Ministarstvo odbrane i Vojska Srbije"
      ]
    },
    {
      "id": "mts",
      "name": {
        "en": "Telecommunications Company Telekom Srbija a.d.",
        "sr-Cyrl": "Предузеће за телекомуникације Телеком Србија а.д.",
        "sr-Latn": "Preduzeće za telekomunikacije Telekom Srbija a.d."
      },
      "site": "https://epoverenje.mts.rs/",
      "support": {
        "email": "mtsCA@telekom.rs",
        "url": "https://epoverenje.mts.rs/"
      },
      "pinUnblock": {
        "en": "If you have entered a wrong PIN more than four times in a row, the token may be locked, and no web site can unlock it. If that happened, or you have forgotten your PIN, contact the certification body that issued your certificate: it tells you how to unblock the token or get a new PIN. Have your identity document at hand, and do not try other PINs in the meantime.",
        "sr-Cyrl": "Ако сте више од четири пута заредом унели погрешан PIN, уређај је можда закључан и ниједан веб-сајт не може да га откључа. Ако се то догодило или сте заборавили PIN, обратите се сертификационом телу које је издало ваш сертификат: оно ће вам рећи како да откључате уређај или добијете нови PIN. Припремите лични документ и у међувремену не покушавајте са другим PIN-овима.",
        "ru": "Если вы более четырёх раз подряд ввели неверный PIN-код, токен может быть заблокирован, и ни один сайт не сможет его разблокировать. Если это произошло или вы забыли PIN-код, обратитесь в удостоверяющий центр, выдавший ваш сертификат: там объяснят, как разблокировать токен или получить новый PIN-код. Держите под рукой документ, удостоверяющий личность, и пока не пробуйте другие PIN-коды.",
        "uk": "Якщо ви ввели неправильний PIN-код більше ніж чотири рази поспіль, токен може бути заблоковано, і жоден вебсайт не зможе його розблокувати. Якщо так сталося або ви забули PIN-код, зверніться до центру сертифікації, який видав ваш сертифікат: там підкажуть, як розблокувати токен або отримати новий PIN-код. Майте під рукою документ, що посвідчує особу, і тим часом не пробуйте інші PIN-коди.",
        "zh-Hans": "如果您连续输错 PIN 码超过四次，智能卡或 USB Key 可能已被锁定，任何网站都无法将其解锁。如果发生了这种情况，或者您忘记了 PIN 码，请联系颁发您证书的认证机构：该机构会告诉您如何解锁智能卡或 USB Key，或如何获取新的 PIN 码。请准备好您的身份证件，在此期间不要尝试其他 PIN 码。",
        "tr": "Art arda dörtten fazla kez yanlış PIN girdiyseniz token kilitlenmiş olabilir ve hiçbir web sitesi bu kilidi açamaz. Böyle olduysa veya PIN’inizi unuttuysanız sertifikanızı veren sertifika hizmet sağlayıcısına başvurun: token kilidini nasıl açacağınızı veya nasıl yeni PIN alacağınızı size o açıklar. Kimlik belgenizi yanınızda bulundurun ve bu arada başka PIN’ler denemeyin.",
        "ar": "إذا أدخلت رمز PIN خاطئًا أكثر من أربع مرات متتالية، فقد يكون التوكن مقفلًا، ولا يمكن لأي موقع إلكتروني فك قفله. إذا حدث ذلك، أو نسيت رمز PIN، فيُرجى التواصل مع جهة التصديق التي أصدرت شهادتك: ستخبرك بكيفية فك قفل التوكن أو الحصول على رمز PIN جديد. يُرجى إبقاء وثيقة هويتك في متناول يدك، وعدم تجربة رموز PIN أخرى في هذه الأثناء.",
        "sr-Latn": "Ako ste više od četiri puta zaredom uneli pogrešan PIN, uređaj je možda zaključan i nijedan veb-sajt ne može da ga otključa. Ako se to dogodilo ili ste zaboravili PIN, obratite se sertifikacionom telu koje je izdalo vaš sertifikat: ono će vam reći kako da otključate uređaj ili dobijete novi PIN. Pripremite lični dokument i u međuvremenu ne pokušavajte sa drugim PIN-ovima."
      },
      "issuers": [
        {
          "name": "mtsCA Cloud",
          "subject": "MIGMMQswCQYDVQQGEwJSUzEQMA4GA1UEBxMHQmVvZ3JhZDEYMBYGA1UEYRMPVkFUUlMtMTAwMDAyODg3MTswOQYDVQQKDDJQcmVkdXplxIdlIHphIHRlbGVrb211bmlrYWNpamUgVGVsZWtvbSBTcmJpamEgYS5kLjEUMBIGA1UEAxMLbXRzQ0EgQ2xvdWQ=",
          "keyIdentifier": "ade438b0e1e883dad280d1d5eabf01f89f5d3324"
        }
      ],
      "issuerNames": [
        "mtsCA Cloud",
        "Preduzeće za telekomunikacije Telekom Srbija a.d."
      ]
    }
  ],
  "qualifiedPolicies": [
    "2.999.381.1.1.1",
    "2.999.381.2.1.1",
    "2.999.381.3.1.1",
    "2.999.381.4.1.1",
    "2.999.381.5.1.1",
    "2.999.381.6.1.1",
    "2.999.381.7.1.1"
  ]
};

/** What a successful login answers. */
function loggedIn(email: string, acr: LoginResponse['user']['acr']): LoginResponse {
  return { user: { email, acr }, csrfToken: CSRF_TOKEN };
}

/**
 * An AuthClient whose calls answer successfully with realistic data, except
 * those `script` replaces (e.g. with `() => Promise.reject(new AuthError(…))`
 * or `never`). Each call's answer is a fresh object, so an element that
 * changes one changes nothing for another state.
 */
export function scriptedClient(script: Partial<AuthClient> = {}): AuthClient {
  const defaults: AuthClient = {
    getSession: async () => ({ authenticated: false, csrfToken: CSRF_TOKEN }),
    loginWithPassword: async (request) => loggedIn(request.email, 'basic'),
    logout: async () => {},
    getConfig: async () => structuredClone(GALLERY_CONFIG),
    register: async (fields) => ({ status: 'confirmation_sent', email: fields.email }),
    confirmEmail: async () => ({ result: 'confirmed', accountState: 'pending_review' }),
    declineRegistration: async () => ({ result: 'declined' }),
    resendConfirmation: async () => ({ status: 'accepted' }),
    requestPasswordReset: async () => ({ status: 'accepted' }),
    checkPasswordResetLink: async () => ({ valid: true }),
    completePasswordReset: async () => ({ status: 'password_changed' }),
    certificateChallenge: async () => ({
      nonce: 'gallery-nonce-Zm9yIHRoZSBnYWxsZXJ5IG9ubHkgbm90IGEgcmVhbCBvbmU',
      expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
      origin: location.origin,
    }),
    loginWithCertificate: async () => loggedIn('ana.maier@example.com', 'high'),
    registerWithCertificate: async (request) => ({ status: 'confirmation_sent', email: request.email }),
  };
  return { ...defaults, ...script };
}
