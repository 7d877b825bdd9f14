import { defineCatalogPart } from '../catalog.js';
import { common, type CommonFirstMessages } from '../en/common.js';

/** The texts shared by every element on its first screen: error summary, configuration problems, e-mail and password fields, with the Serbian ones loaded on demand. */
export const commonTexts = defineCatalogPart<CommonFirstMessages>(common, () => import('../sr-cyrl/common.js').then((m) => m.common));
