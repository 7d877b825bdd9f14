// The API reference page's own texts (its chrome: intro, headings, table
// headers), in English and Serbian (here; the other languages in ../locales/); Serbian Latin is derived from the
// Cyrillic (`code` spans shown as <code>). The reference itself comes from
// the manifest, in English.
import { transliterateTexts } from '@egov/auth-widgets/i18n/transliterate';

const en = {
  intro:
    'Every element of the kit: its attributes, properties, methods, events with the type of their detail, CSS custom properties, parts and slots. The page is generated from the Custom Elements Manifest the package ships (`@egov/auth-widgets/custom-elements.json`), so it follows the kit when the kit changes.',
  inEnglish: 'The reference is in English: its descriptions, names and types come from the kit’s source as written there.',
  contents: 'Contents',
  className: 'Class',
  attributes: 'Attributes',
  properties: 'Properties',
  methods: 'Methods',
  events: 'Events',
  cssProperties: 'CSS custom properties',
  parts: 'Parts',
  slots: 'Slots',
  attribute: 'Attribute',
  property: 'Property',
  type: 'Type',
  defaultValue: 'Default',
  description: 'Description',
  method: 'Method',
  parameters: 'Parameters',
  returns: 'Returns',
  event: 'Event',
  detail: 'Detail type',
  name: 'Name',
  field: 'Field',
  defaultSlot: '(default slot)',
  detailFields: 'Fields of',
  detailNotDescribed:
    'The manifest does not describe the fields of these detail types; each event’s description says what its detail carries, and the package’s TypeScript declarations give the types.',
  noAttributes: 'No attributes.',
  noProperties: 'No public properties.',
  noMethods: 'No public methods.',
  noEvents: 'It fires no events of its own.',
  noCssProperties: 'No CSS custom properties.',
  noParts:
    'No parts: the kit renders its forms in the light DOM (so that password managers see them), not in a shadow root with parts to style. It is themed with the `--egov-*` tokens, the CSS custom properties above.',
  noSlots: 'No slots.',
};

export type ApiTexts = typeof en;

const srCyrl: ApiTexts = {
  intro:
    'Сваки елемент пакета eGov Auth Kit: атрибути, својства, методе, догађаји са типом свог детаља (detail), прилагођена CSS својства, делови и слотови. Страница је направљена из манифеста прилагођених елемената (Custom Elements Manifest) који пакет садржи (`@egov/auth-widgets/custom-elements.json`), па прати пакет када се пакет промени.',
  inEnglish: 'Референца је на енглеском: описи, имена и типови долазе из изворног кода пакета онако како су тамо написани.',
  contents: 'Садржај',
  className: 'Класа',
  attributes: 'Атрибути',
  properties: 'Својства',
  methods: 'Методе',
  events: 'Догађаји',
  cssProperties: 'Прилагођена CSS својства',
  parts: 'Делови (parts)',
  slots: 'Слотови',
  attribute: 'Атрибут',
  property: 'Својство',
  type: 'Тип',
  defaultValue: 'Подразумевано',
  description: 'Опис',
  method: 'Метода',
  parameters: 'Параметри',
  returns: 'Враћа',
  event: 'Догађај',
  detail: 'Тип детаља (detail)',
  name: 'Назив',
  field: 'Поље',
  defaultSlot: '(подразумевани слот)',
  detailFields: 'Поља типа',
  detailNotDescribed:
    'Манифест не описује поља ових типова детаља; опис сваког догађаја каже шта његов детаљ носи, а TypeScript декларације пакета дају типове.',
  noAttributes: 'Нема атрибута.',
  noProperties: 'Нема јавних својстава.',
  noMethods: 'Нема јавних метода.',
  noEvents: 'Не шаље сопствене догађаје.',
  noCssProperties: 'Нема прилагођених CSS својстава.',
  noParts:
    'Нема делова: елементи исцртавају своје формуларе у светлом DOM-у (light DOM, да би их менаџери лозинки видели), а не у shadow root-у са деловима за стилизовање. Изглед се мења токенима `--egov-*`, прилагођеним CSS својствима изнад.',
  noSlots: 'Нема слотова.',
};

/** The texts written here: English, and Serbian in both scripts. */
export const API_TEXTS: Readonly<Record<'en' | 'sr-Cyrl' | 'sr-Latn', ApiTexts>> = { en, 'sr-Cyrl': srCyrl, 'sr-Latn': transliterateTexts(srCyrl) };
