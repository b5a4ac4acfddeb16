/**
 * Text normalisation shared by the indexer, the browser and the benchmark, so that all three agree
 * on what a page's characters are: Unicode NFC, invisible characters removed, any run of white space
 * one separator. What counts as the same character (case, width, brackets, traditional forms) is
 * fold.ts.
 */

/** Characters a reader cannot see and Ctrl+F does not stop at: soft hyphen, zero-width spaces and joiners, BOM. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** White space as Pagefind's indexer splits words (Rust's White_Space), plus what JavaScript's \s knows. */
export const WHITE_SPACE = /[\s\u0085]+/g;
const IS_WHITE_SPACE = /^[\s\u0085]+$/;

/** Private-use characters the index encoding reserves; never part of a page or a query. */
export const GAP = '\ue000';
export const END = '\ue001';
const RESERVED = /[\ue000\ue001]/g;

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/** Text as a reader sees it, ready to index: NFC, no invisible characters, white space collapsed to one space. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(RESERVED, ' ').replace(WHITE_SPACE, ' ');
}

/** User-perceived characters (grapheme clusters): one Chinese character, one letter, one emoji. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export function isWhiteSpace(g: string): boolean {
  return IS_WHITE_SPACE.test(g);
}

/**
 * Letters and digits are word characters to Pagefind (Rust's char::is_alphanumeric); everything
 * else it drops unless told to keep it with includeCharacters.
 */
const WORD_CHAR = /^[\p{Alphabetic}\p{N}]$/u;

export function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch);
}
