import { kitPart } from '../catalog.js';
import { picker } from '../locales/en/picker.js';

/** The texts of `<egov-certificate-picker>`. */
export const pickerTexts = kitPart('picker', picker);
