import { kitPart } from '../catalog.js';
import { common } from '../locales/en/common.js';

/** The texts shared by every element on its first screen: error summary, configuration problems, e-mail and password fields. */
export const commonTexts = kitPart('common', common);
