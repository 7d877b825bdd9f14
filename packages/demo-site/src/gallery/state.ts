// One state of one element in the gallery (gallery.html). A state is drawn
// by the real element, against a scripted client or a scripted agent, and
// brought to its moment by what a person would do (type, press, choose):
// no screenshots, no copies of the kit's markup.
import type { Locale } from '@egov/auth-widgets';

/** The kit elements the gallery shows, in the order of its sections. */
export const GALLERY_ELEMENTS = ['login', 'register', 'reset', 'confirm', 'certificate'] as const;
export type GalleryElement = (typeof GALLERY_ELEMENTS)[number];

/** A title written in English and Serbian Cyrillic; the Latin script is derived. */
export interface StateTitle {
  en: string;
  'sr-Cyrl': string;
}

export interface GalleryState {
  /**
   * Stable and unique: the state's address is `/gallery.html?state=<id>` and
   * its place in the whole gallery `#<id>`. Designers link to it; never rename
   * one (e2e/gallery.e2e.test.ts lists them all).
   */
  id: string;
  element: GalleryElement;
  title: StateTitle;
  /**
   * Draws the state into `frame` (an empty element in the page, in the
   * page's `locale`) and resolves once the state is on screen. The gallery
   * then marks the state ready (`data-ready`), which the tests wait for.
   */
  render(frame: HTMLElement, locale: Locale): Promise<void>;
}
