import { defineCatalogPart } from '../catalog.js';
import { common, type CommonMessages } from '../en/common.js';

/** The texts shared by every element: error summary, configuration problems, e-mail and password fields, service problems, with the Serbian ones loaded on demand. */
export const commonTexts = defineCatalogPart<CommonMessages>(common, () => import('../sr-cyrl/common.js').then((m) => m.common));
