// The gallery page's own texts (its intro, contents, links and messages), in
// English and Serbian (the other languages in ../locales/). As in the kit, Serbian is written once, in
// Cyrillic, and the Latin script is derived from it. Each state's title is
// written with the state (states-*.ts).
import { transliterateTexts } from '@egov/auth-widgets/i18n/transliterate';
import type { GalleryElement } from './state.ts';

const en = {
  intro:
    'Every state of every element of the kit, drawn by the real elements against a scripted backend: nothing here is a screenshot or a copy of their markup. Each state has its own address (“Link to this state”). The language, theme and width chosen above apply to all of them at once.',
  contents: 'Contents',
  linkToState: 'Link to this state',
  linkToStateLabel: (title: string) => `Link to this state: ${title}`,
  wholeGallery: 'Back to the whole gallery',
  drawing: 'Drawing this state…',
  failed: 'This state could not be drawn:',
  unknownState: (id: string) => `The gallery has no state called “${id}”. It may have been renamed or mistyped.`,
  unknownElement: (name: string) => `The gallery has no element called “${name}”.`,
  elements: {
    login: 'Login',
    register: 'Registration',
    reset: 'Password reset',
    confirm: 'E-mail confirmation',
    certificate: 'Certificate picker',
  } satisfies Record<GalleryElement, string>,
};

export type GalleryTexts = typeof en;

const srCyrl: GalleryTexts = {
  intro:
    'Свако стање сваког елемента, нацртано правим елементима уз сценарио уместо сервера: овде нема снимака екрана ни копија њиховог кода. Свако стање има своју адресу („Веза до овог стања”). Језик, тема и ширина изабрани изнад важе за сва стања одједном.',
  contents: 'Садржај',
  linkToState: 'Веза до овог стања',
  linkToStateLabel: (title: string) => `Веза до овог стања: ${title}`,
  wholeGallery: 'Назад на целу галерију',
  drawing: 'Стање се црта…',
  failed: 'Ово стање није могло да се нацрта:',
  unknownState: (id: string) => `Галерија нема стање „${id}”. Можда је преименовано или погрешно откуцано.`,
  unknownElement: (name: string) => `Галерија нема елемент „${name}”.`,
  elements: {
    login: 'Пријава',
    register: 'Регистрација',
    reset: 'Заборављена лозинка',
    confirm: 'Потврда адресе електронске поште',
    certificate: 'Избор сертификата',
  },
};

function transliterate(texts: GalleryTexts): GalleryTexts {
  return { ...transliterateTexts(texts), elements: transliterateTexts(texts.elements) };
}

/** The texts written here: English, and Serbian in both scripts. */
export const GALLERY_TEXTS: Readonly<Record<'en' | 'sr-Cyrl' | 'sr-Latn', GalleryTexts>> = { en, 'sr-Cyrl': srCyrl, 'sr-Latn': transliterate(srCyrl) };

