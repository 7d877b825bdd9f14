// The certificate states of the gallery: drawn next (issue 15).
import type { GalleryState } from './state.ts';

export const CERTIFICATE_STATES: GalleryState[] = [];
