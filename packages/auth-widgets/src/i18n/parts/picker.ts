import { defineCatalogPart } from '../catalog.js';
import { picker, type PickerMessages } from '../en/picker.js';

/** The texts of `<egov-certificate-picker>`, with the Serbian ones loaded on demand. */
export const pickerTexts = defineCatalogPart<PickerMessages>(picker, () => import('../sr-cyrl/picker.js').then((m) => m.picker));
