/**
 * The encoding that makes Pagefind find exactly what Ctrl+F finds.
 *
 * Pagefind indexes whitespace-separated words with their positions, and its quoted ("exact") search
 * only returns pages where the quoted words sit at consecutive positions. We hand it, instead of the
 * page text, one word per character position: the character and the one after it (a bigram), or the
 * character alone when it ends a run of text. A query of n ≥ 2 characters becomes the quoted phrase
 * of its n − 1 bigrams, which occurs at consecutive positions exactly where the page text contains
 * the query. A query of one character is looked up in a list of the page's distinct characters that
 * follows the text. White space and block boundaries become a gap word that Pagefind counts as a
 * position but never indexes, so no match runs across them.
 *
 * Layout of one page, position by position:
 *
 *   [0, TITLE_SPAN)   title bigrams · END · title characters · GAP … (padding)
 *   [TITLE_SPAN, …)   text bigrams (runs separated by GAP) · END · text characters · GAP
 *
 * A match whose first position is below TITLE_SPAN is in the title, which is how results are ranked
 * title first without downloading anything per result.
 */
import { END, GAP, cleanText, fold, graphemes, isWhiteSpace, isWordChar } from './text.ts';

/** Positions reserved for the title region. */
export const TITLE_SPAN = 256;
/** Longest title (in characters) the title region holds; the text keeps the whole title anyway. */
export const MAX_TITLE = (TITLE_SPAN - 4) >> 1;

/** Words for a piece of text: a bigram per character, the last of each run alone, a gap between runs. */
export function encodeRuns(text: string): string[] {
  const gs = graphemes(cleanText(text).trim());
  const words: string[] = [];
  for (let i = 0; i < gs.length; i++) {
    const g = gs[i] as string;
    if (isWhiteSpace(g)) {
      if (words.length > 0 && words[words.length - 1] !== GAP) words.push(GAP);
      continue;
    }
    const next = gs[i + 1];
    words.push(next !== undefined && !isWhiteSpace(next) ? g + next : g);
  }
  return words;
}

/** Each distinct character once (lower-cased), for one-character queries. */
export function characterSet(text: string, except: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set<string>();
  for (const g of graphemes(fold(cleanText(text)))) {
    if (!isWhiteSpace(g) && !except.has(g)) seen.add(g);
  }
  return [...seen];
}

export interface EncodedPage {
  /** The words, to be joined with single spaces. */
  words: string[];
  /** Characters outside letters and digits that the page uses; Pagefind must be told to keep them. */
  symbols: Set<string>;
}

/** The word stream Pagefind indexes for a page with this title and text. */
export function encodePage(title: string, text: string): EncodedPage {
  const shortTitle = graphemes(cleanText(title).trim()).slice(0, MAX_TITLE).join('');
  const titleChars = characterSet(shortTitle);
  const words = [...encodeRuns(shortTitle), END, ...titleChars];
  while (words.length < TITLE_SPAN) words.push(GAP);
  // A loop, not push(...spread): a long page (a directory of thousands of enterprises) has more
  // words than a call may take arguments.
  for (const w of encodeRuns(text)) words.push(w);
  words.push(END);
  for (const c of characterSet(text, new Set(titleChars))) words.push(c);
  words.push(GAP);
  const symbols = new Set<string>();
  for (const g of graphemes(cleanText(`${shortTitle} ${text}`))) {
    for (const ch of g) if (!isWordChar(ch) && !isWhiteSpace(ch)) symbols.add(ch);
  }
  return { words, symbols };
}

export interface DecodedPage {
  title: string;
  text: string;
}

/** Reads back the title and text from the words Pagefind stored (its fragment "content"). */
export function decodePage(content: string): DecodedPage {
  const words = content.split(' ');
  return { title: decodeRegion(words, 0), text: decodeRegion(words, TITLE_SPAN) };
}

function decodeRegion(words: string[], from: number): string {
  let out = '';
  for (let i = from; i < words.length; i++) {
    const word = words[i] as string;
    if (word === END || word.startsWith(END)) break;
    if (word.startsWith(GAP)) {
      out += ' ';
      continue;
    }
    out += graphemes(word)[0] ?? '';
  }
  return out.trim();
}
