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

/**
 * Characters that are a grapheme cluster of their own whatever stands next to them (none of them
 * extends, joins or prefixes another under Unicode's rules; a test checks each against
 * Intl.Segmenter): printable ASCII, Latin-1, general punctuation, CJK punctuation, kana, the
 * unified ideographs and the full-width forms. Nearly every page is made of these alone, and
 * splitting them needs no segmenter, which was a large part of the index step's own time.
 */
export const STANDALONE = /^[\x20-\x7e\xa0-\xac\xae-\xff\u2010-\u2027\u2030-\u205e\u3000-\u3029\u3030-\u303f\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*$/;

/** User-perceived characters (grapheme clusters): one Chinese character, one letter, one emoji. */
export function graphemes(text: string): string[] {
  if (STANDALONE.test(text)) return text.split('');
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
