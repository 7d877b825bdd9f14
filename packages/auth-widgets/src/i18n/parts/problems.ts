import { kitPart } from '../catalog.js';
import { problems } from '../locales/en/problems.js';

/** The problems every form may show; `<egov-login>` loads even the English ones with its first try. */
export const problemTexts = kitPart('problems', problems);
