import { defineLocalePack, partOf, type LocaleParts, type PartName } from '../../locale-pack.js';
import { transliterateTexts } from '../../transliterate.js';
import srCyrl from '../sr-Cyrl/index.js';

/**
 * Serbian in Latin script: the Cyrillic texts transliterated letter by
 * letter when a part is first needed, so the two scripts never drift apart.
 * The folder has no texts of its own on purpose.
 */
const parts = Object.fromEntries(
  (Object.keys(srCyrl.parts) as PartName[]).map((name) => [name, () => partOf(srCyrl, name).then(transliterateTexts)]),
) as unknown as LocaleParts;

export default defineLocalePack({ tag: 'sr-Latn', name: 'Srpski (latinica)', parts });
