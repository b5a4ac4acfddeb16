/**
 * A worker's photo on their page: shown at most 18rem wide (324 px at the 18 px root), less on a
 * narrow phone, from sources one to three times that, so a 3x screen gets a sharp photo and a 1x
 * one does not download it. A photo narrower than a width is served at its own width instead
 * (Astro drops the larger widths). The CMS shrinks an uploaded photo to the largest of them.
 */
export const PORTRAIT_WIDTHS = [324, 486, 648, 972];
export const PORTRAIT_SIZES = '(max-width: 360px) calc(100vw - 36px), 324px';
/** The widest source any page takes of a photo: what an upload is shrunk to. */
export const LARGEST_PORTRAIT = Math.max(...PORTRAIT_WIDTHS);
