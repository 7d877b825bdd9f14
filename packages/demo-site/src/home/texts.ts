// The home page's texts, in English and Serbian (the other languages in ../locales/): Serbian is written once,
// in Cyrillic (the portal's terms, GLOSSARY.md), and the Latin script is
// derived from it. Code (tags, imports, paths, commands) is not translated:
// the page shows it beside these texts, and `code` spans in a text as <code>.
import { transliterateTexts } from '@egov/auth-widgets/i18n/transliterate';

const en = {
  intro:
    'The eGov Auth Kit is a set of ready-made elements for government sites: log in, registration, e-mail confirmation and password reset, with a username and password or with a qualified electronic certificate. A site puts a tag in its page and points it at its backend; every site then shows the same accessible login, in English, Serbian (Cyrillic and Latin), Russian, Ukrainian, Chinese, Turkish and Arabic, and in any language the site adds.',
  introContract:
    'The elements work with any backend that follows their contract (an OpenAPI document), and under a strict Content Security Policy.',

  elementsHeading: 'The elements',
  elementAuth: 'Holds the configuration (the backend’s address, the language, the links) and hands it to every element inside it.',
  elementLogin: 'Log in with a username and password or with a qualified electronic certificate, with every error and notice.',
  elementRegister: 'Create a user account: a foreign citizen with identity documents, or with a qualified electronic certificate.',
  elementReset: 'Password forgotten? Both steps: asking for a link, then choosing a new password.',
  elementConfirm: 'Confirms a registration from the link in the e-mail.',
  elementCertificate: 'Finds the certificates on a smart card or token through the Fortify app, lets the person choose one, and signs with it.',
  galleryLink: 'Every state in the gallery',
  apiLink: 'API reference',

  embedHeading: 'Put it in a page',
  npmHeading: 'With npm and a bundler',
  npmIntro: 'Install the package; each `import` registers one tag. Then put the elements in your page and listen for their events.',
  certificateOptIn:
    'Certificate login is opt-in: a site that offers it installs the Fortify client and imports one more entry; a password-only site downloads no certificate code.',
  blockInstall: 'Install',
  blockScript: 'Your script',
  blockPage: 'Your page',
  blockCdnPage: 'Your page, with the kit’s files under `/kit/`',
  blockCsp: 'Your page’s Content-Security-Policy header',
  blockReact: 'A React component',
  blockCommand: 'The command',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Could not copy. The code is selected: press Ctrl+C (⌘C on a Mac).',

  cdnHeading: 'Without a build step: the CDN build, with Subresource Integrity',
  cdnIntro:
    'Copy the package’s `cdn` folder (`node_modules/@egov/auth-widgets/cdn`) to your site, here under `/kit/`, and load the entries with their integrity. Every file is named by its content hash; `cdn/manifest.json` gives each entry’s file, its `sha384` integrity and the chunks it imports.',
  /** `version`: the kit's version whose build the demo shows. */
  cdnReal: (version: string) =>
    `The file names and integrity values below are the real ones: from \`cdn/manifest.json\` of \`@egov/auth-widgets\` ${version}, as built in this repository. They change with every new build: take them from the \`cdn/manifest.json\` of the version you install.`,
  cdnShape:
    'This copy of the demo was built without the kit’s CDN build (`pnpm build` makes it), so it shows where the values go, not the values. Take them from `cdn/manifest.json` of the version you install: `entries["egov-auth"]` and `entries["egov-login"]` give each entry’s `file` and `integrity`, their `imports` name the chunks to preload, and `files` gives every file’s integrity.',
  cdnCsp: 'The policy it was tested with; your own script (the `egov-login-success` handler) goes in a file too.',
  cdnChunks:
    'Browsers check the integrity of the entries, not of the chunks an entry imports. To have every file checked, say from a CDN you do not run, add an import map whose `integrity` section lists every file of `cdn/manifest.json`, and allow that inline map by its hash in `script-src` (Chromium 127 and later).',

  reactHeading: 'React 19',
  reactIntro:
    'The wrappers register the tags and give typed `on…` props for the events; the plain tags get JSX types too. React is an optional peer dependency (19).',

  contractHeading: 'The contract, and proving your own backend',
  openApiLink: 'The OpenAPI 3.1 document',
  openApiServed:
    'is served by this demo at `/api/openapi.json`, from the mock server behind it (`npm start` runs both). Its source is `packages/auth-widgets/src/client/openapi.ts` in the repository; the package ships it as `@egov/auth-widgets/openapi.json`.',
  conformanceHeading: 'The conformance suite',
  conformanceIntro:
    'It runs the contract’s behaviour against any backend over HTTP and checks every answer against the OpenAPI document. A ministry runs it from the repository against its backend’s test environment:',
  conformanceMore: 'How to run it, and what the test environment must provide (the outbox and the reviewer operations):',
  conformanceLink: 'the suite’s README (in English)',
  guideHeading: 'For integrators',
  guideLink: 'The integrator guide',
  guideIntro: 'from embedding the elements to going live — configuration, events, the backend contract, proving your backend, deployment, CSP, certificate login and theming, with a checklist (in English; the repository’s `docs/integrator-guide.md`).',

  demoHeading: 'In this demo',
  demoGallery: 'every element in every state, side by side.',
  demoLive: 'the journeys against the running mock server:',
  demoTokens: 'the example ministry themes and the token editor.',
  demoApi: 'attributes, properties, events, CSS custom properties and slots of every element.',
};

export type HomeTexts = typeof en;

const srCyrl: HomeTexts = {
  intro:
    'eGov Auth Kit је скуп готових елемената за сајтове државних органа: пријава, регистрација, потврда адресе електронске поште и заборављена лозинка, корисничким именом и лозинком или квалификованим електронским сертификатом. Сајт стави ознаку у своју страницу и усмери је на свој сервер; сваки сајт тада приказује исту приступачну пријаву, на енглеском, српском (ћирилицом и латиницом), руском, украјинском, кинеском, турском и арапском, и на сваком језику који сајт дода.',
  introContract: 'Елементи раде са сваким сервером који поштује њихов уговор (OpenAPI документ), и под строгом политиком безбедности садржаја (Content Security Policy).',

  elementsHeading: 'Елементи',
  elementAuth: 'Чува подешавања (адресу сервера, језик, везе) и преноси их сваком елементу у себи.',
  elementLogin: 'Пријава корисничким именом и лозинком или квалификованим електронским сертификатом, са свим грешкама и обавештењима.',
  elementRegister: 'Креирање корисничког налога: страни држављанин са личним документима, или квалификованим електронским сертификатом.',
  elementReset: 'Заборављена лозинка, оба корака: захтев за везу, па избор нове лозинке.',
  elementConfirm: 'Потврђује регистрацију из везе у поруци електронске поште.',
  elementCertificate: 'Проналази сертификате на паметној картици или токену преко апликације Fortify, нуди избор сертификата и потписује њиме.',
  galleryLink: 'Сва стања у галерији',
  apiLink: 'Референца API-ја',

  embedHeading: 'Уградња у страницу',
  npmHeading: 'Са npm-ом и алатом за паковање (bundler)',
  npmIntro: 'Инсталирајте пакет; сваки `import` региструје једну ознаку. Затим ставите елементе у страницу и пратите њихове догађаје.',
  certificateOptIn:
    'Пријава сертификатом се укључује посебно: сајт који је нуди инсталира Fortify клијент и увози још један улаз; сајт само са лозинком не преузима никакав код за сертификате.',
  blockInstall: 'Инсталација',
  blockScript: 'Ваша скрипта',
  blockPage: 'Ваша страница',
  blockCdnPage: 'Ваша страница, са датотекама пакета у `/kit/`',
  blockCsp: 'Заглавље Content-Security-Policy ваше странице',
  blockReact: 'React компонента',
  blockCommand: 'Команда',
  copy: 'Копирај',
  copied: 'Копирано.',
  copyFailed: 'Копирање није успело. Код је означен: притисните Ctrl+C (⌘C на Mac-у).',

  cdnHeading: 'Без корака изградње: CDN верзија, са Subresource Integrity',
  cdnIntro:
    'Копирајте фасциклу `cdn` из пакета (`node_modules/@egov/auth-widgets/cdn`) на свој сајт, овде у `/kit/`, и учитајте улазе са њиховим integrity вредностима. Свака датотека носи у имену хеш свог садржаја; `cdn/manifest.json` за сваки улаз наводи датотеку, њен `sha384` integrity и делове (chunks) које увози.',
  cdnReal: (version: string) =>
    `Имена датотека и integrity вредности испод су праве: из \`cdn/manifest.json\` пакета \`@egov/auth-widgets\` ${version}, изграђеног у овом репозиторијуму. Мењају се са сваком новом изградњом: узмите их из \`cdn/manifest.json\` верзије коју инсталирате.`,
  cdnShape:
    'Ова копија демоа изграђена је без CDN верзије пакета (прави је `pnpm build`), па показује где вредности иду, а не саме вредности. Узмите их из `cdn/manifest.json` верзије коју инсталирате: `entries["egov-auth"]` и `entries["egov-login"]` дају датотеку (`file`) и `integrity` сваког улаза, њихов `imports` наводи делове за `modulepreload`, а `files` даје integrity сваке датотеке.',
  cdnCsp: 'Политика са којом је испробана; и ваша скрипта (обрада догађаја `egov-login-success`) иде у датотеку.',
  cdnChunks:
    'Прегледачи проверавају integrity улаза, а не делова које улаз увози. Да би свака датотека била проверена, на пример са CDN-а који не водите ви, додајте import map чији одељак `integrity` наводи сваку датотеку из `cdn/manifest.json`, и дозволите тај уметнути import map његовим хешом у `script-src` (Chromium 127 и новији).',

  reactHeading: 'React 19',
  reactIntro:
    'Омотачи региструју ознаке и дају типизована `on…` својства за догађаје; и обичне ознаке добијају JSX типове. React је опциона зависност (peer, верзија 19).',

  contractHeading: 'Уговор, и провера вашег сервера',
  openApiLink: 'OpenAPI 3.1 документ',
  openApiServed:
    'овај демо служи на `/api/openapi.json`, са сервера за пробу иза себе (`npm start` покреће оба). Извор му је `packages/auth-widgets/src/client/openapi.ts` у репозиторијуму; пакет га садржи као `@egov/auth-widgets/openapi.json`.',
  conformanceHeading: 'Тестови усаглашености',
  conformanceIntro:
    'Проверавају понашање по уговору на било ком серверу, преко HTTP-а, и сваки одговор упоређују са OpenAPI документом. Министарство их покреће из репозиторијума над тестним окружењем свог сервера:',
  conformanceMore: 'Како се покрећу и шта тестно окружење мора да пружи (пошту и операције за преглед):',
  conformanceLink: 'README тестова (на енглеском)',
  guideHeading: 'За интеграторе',
  guideLink: 'Упутство за интеграторе',
  guideIntro: 'од уградње елемената до пуштања у рад — подешавање, догађаји, уговор са сервером, провера сопственог сервера, постављање, CSP, пријава сертификатом и изглед, са списком за проверу (на енглеском; `docs/integrator-guide.md` у репозиторијуму).',

  demoHeading: 'У овом демоу',
  demoGallery: 'сваки елемент у сваком стању, једно поред другог.',
  demoLive: 'пут корисника уживо, са покренутим сервером за пробу:',
  demoTokens: 'примери тема министарстава и уређивач токена.',
  demoApi: 'атрибути, својства, догађаји, прилагођена CSS својства и слотови сваког елемента.',
};

/** The texts written here: English, and Serbian in both scripts. */
export const HOME_TEXTS: Readonly<Record<'en' | 'sr-Cyrl' | 'sr-Latn', HomeTexts>> = { en, 'sr-Cyrl': srCyrl, 'sr-Latn': transliterateTexts(srCyrl) };
