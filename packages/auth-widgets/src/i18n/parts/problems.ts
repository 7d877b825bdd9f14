import { defineCatalogPart } from '../catalog.js';
import { problems, type ProblemMessages } from '../en/problems.js';

/** The problems every form may show, with the Serbian ones loaded on demand; `<egov-login>` loads even the English ones with its first try. */
export const problemTexts = defineCatalogPart<ProblemMessages>(problems, () => import('../sr-cyrl/problems.js').then((m) => m.problems));
