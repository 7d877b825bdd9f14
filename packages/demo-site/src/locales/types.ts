import type { ApiTexts } from '../api/texts.ts';
import type { DemoTexts } from '../demo-texts.ts';
import type { GalleryTexts } from '../gallery/texts.ts';
import type { HomeTexts } from '../home/texts.ts';
import type { LiveTexts } from '../live/texts.ts';
import type { TokenTexts } from '../tokens/texts.ts';

/**
 * The demo site's own texts in one more language (one file per language in
 * this folder): the header and live pages, the home page, the gallery (and
 * each state's title, by its id), the API reference's frame and the token
 * editor. English and Serbian are written beside each area's code.
 */
export interface DemoLanguage {
  demo: DemoTexts;
  home: HomeTexts;
  gallery: GalleryTexts;
  /** Each gallery state's title, by the state's id (`login-form`, …). */
  stateTitles: Record<string, string>;
  api: ApiTexts;
  tokens: TokenTexts;
  live: LiveTexts;
}
