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
 *
 * The words are made of folded characters (fold.ts), so the index answers the folded query. Where a
 * page's own character is not what its folded form reads back as, the page keeps a note of it (the
 * "originals", stored as a Pagefind meta field), so that results show and mark the page's own text.
 */
import { foldGraphemes, NO_T2S, type FoldedText, type T2S } from './fold.ts';
import { END, GAP, cleanText, graphemes, isWordChar } from './text.ts';

/**
 * Positions reserved for the title region: room for a title of MAX_TITLE characters (the portal's
 * longest are about 30). Every page pads its title to this span with gap words that Pagefind still
 * reads one by one: at 256 they were a quarter of all the words it indexed.
 */
export const TITLE_SPAN = 96;
/** Longest title (in folded characters) the title region holds; the text keeps the whole title anyway. */
export const MAX_TITLE = (TITLE_SPAN - 4) >> 1;

/** The characters of a text, cleaned and folded. */
export function foldText(text: string, t2s: T2S = NO_T2S): FoldedText {
  return foldGraphemes(graphemes(cleanText(text).trim()), t2s);
}

/**
 * The original a folded character is read back as when the page keeps no note: itself, or for the
 * ASCII punctuation that NFKC makes of Chinese full-width punctuation, the full-width form, which is
 * what Chinese pages print. (A note is kept wherever this guess would be wrong.)
 */
const USUAL_ORIGINAL = new Map<string, string>([...'(),:;!?'].map((c) => [c, String.fromCodePoint((c.codePointAt(0) as number) + 0xfee0)]));

function usualOriginal(folded: string): string {
  return USUAL_ORIGINAL.get(folded) ?? folded;
}

/** Where the page's own character differs from what its folded characters read back as. */
interface Note {
  /** Word position of the first folded character. */
  at: number;
  /** How many folded characters (consecutive positions) it became. */
  count: number;
  original: string;
}

/** Words for a folded text: a bigram per character, the last of each run alone, a gap between runs. */
function pushRuns(f: FoldedText, words: string[], notes: Note[]): void {
  const { chars, from, originals } = f;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === ' ') {
      if (words.length > 0 && words[words.length - 1] !== GAP) words.push(GAP);
      continue;
    }
    const j = from[i] as number;
    if (i === 0 || from[i - 1] !== j) {
      let count = 1;
      while (from[i + count] === j) count++;
      const original = originals[j] as string;
      if (count !== 1 || usualOriginal(c) !== original) notes.push({ at: words.length, count, original });
    }
    const next = chars[i + 1];
    words.push(next !== undefined && next !== ' ' ? c + next : c);
  }
}

/** Words for a piece of text (see pushRuns). */
export function encodeRuns(text: string, t2s: T2S = NO_T2S): string[] {
  const words: string[] = [];
  pushRuns(foldText(text, t2s), words, []);
  return words;
}

/** Each distinct folded character once, for one-character queries. */
function distinct(chars: readonly string[], except: ReadonlySet<string> = new Set()): string[] {
  const seen = new Set<string>();
  for (const c of chars) if (c !== ' ' && !except.has(c)) seen.add(c);
  return [...seen];
}

export function characterSet(text: string, except: ReadonlySet<string> = new Set(), t2s: T2S = NO_T2S): string[] {
  return distinct(foldText(text, t2s).chars, except);
}

/** The first `max` folded characters of f, cut only between original characters. */
function truncate(f: FoldedText, max: number): FoldedText {
  if (f.chars.length <= max) return f;
  let end = max;
  while (end > 0 && f.from[end] === f.from[end - 1]) end--;
  const originals = f.originals.slice(0, end === 0 ? 0 : (f.from[end - 1] as number) + 1);
  return { chars: f.chars.slice(0, end), from: f.from.slice(0, end), originals, kinds: f.kinds };
}

/** The Pagefind meta field that holds a page's notes of its own characters. */
export const ORIGINALS_META = 'o';

export interface EncodedPage {
  /** The words, to be joined with single spaces. */
  words: string[];
  /** Characters outside letters and digits that the words use; Pagefind must be told to keep them. */
  symbols: Set<string>;
  /** The page's own characters where they differ from the folded ones (see decodePage); often empty. */
  originals: string;
}

/** The word stream Pagefind indexes for a page with this title and text. */
export function encodePage(title: string, text: string, t2s: T2S = NO_T2S): EncodedPage {
  const shortTitle = truncate(foldText(title, t2s), MAX_TITLE);
  const body = foldText(text, t2s);
  const titleChars = distinct(shortTitle.chars);
  const words: string[] = [];
  const notes: Note[] = [];
  pushRuns(shortTitle, words, notes);
  words.push(END, ...titleChars);
  while (words.length < TITLE_SPAN) words.push(GAP);
  // A loop inside pushRuns, not push(...spread): a long page (a directory of thousands of
  // enterprises) has more words than a call may take arguments.
  pushRuns(body, words, notes);
  words.push(END);
  for (const c of distinct(body.chars, new Set(titleChars))) words.push(c);
  words.push(GAP);
  const symbols = new Set<string>();
  for (const c of [...shortTitle.chars, ...body.chars]) {
    for (const ch of c) if (!isWordChar(ch) && ch !== ' ') symbols.add(ch);
  }
  return { words, symbols, originals: writeNotes(notes) };
}

/**
 * Notes as text: for each, the distance from the previous note's position, "~count~" when the
 * character became several folded ones (or when the original starts with a digit or ~), then the
 * original character: "3（12~2~①" … short, since most pages need few notes or none.
 */
function writeNotes(notes: Note[]): string {
  let out = '';
  let last = 0;
  for (const n of notes) {
    out += String(n.at - last);
    if (n.count !== 1 || /^[0-9~]/.test(n.original)) out += `~${n.count}~`;
    out += n.original;
    last = n.at;
  }
  return out;
}

const noteSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

function readNotes(text: string): Map<number, Note> {
  const notes = new Map<number, Note>();
  const head = /(\d+)(?:~(\d+)~)?/y;
  let at = 0;
  let i = 0;
  while (i < text.length) {
    head.lastIndex = i;
    const m = head.exec(text);
    if (!m) break;
    at += Number(m[1]);
    i = head.lastIndex;
    const original = noteSegmenter.segment(text.slice(i, i + 16)).containing(0)?.segment ?? '';
    if (original === '') break;
    i += original.length;
    notes.set(at, { at, count: m[2] === undefined ? 1 : Number(m[2]), original });
  }
  return notes;
}

export interface DecodedPage {
  title: FoldedText;
  text: FoldedText;
}

/** Reads back the title and text from the words Pagefind stored (its fragment "content") and the page's notes. */
export function decodePage(content: string, originals = ''): DecodedPage {
  const words = content.split(' ');
  const notes = readNotes(originals);
  return { title: decodeRegion(words, 0, notes), text: decodeRegion(words, TITLE_SPAN, notes) };
}

function decodeRegion(words: string[], from: number, notes: Map<number, Note>): FoldedText {
  const f: FoldedText = { chars: [], from: [], originals: [], kinds: { width: false, bracket: false, traditional: false } };
  let pending = 0;
  for (let i = from; i < words.length; i++) {
    const word = words[i] as string;
    if (word === END || word.startsWith(END)) break;
    if (word.startsWith(GAP)) {
      if (f.chars.length > 0) {
        f.originals.push(' ');
        f.chars.push(' ');
        f.from.push(f.originals.length - 1);
      }
      continue;
    }
    const c = graphemes(word)[0] ?? '';
    const note = notes.get(i);
    if (note) {
      f.originals.push(note.original);
      pending = note.count - 1;
    } else if (pending > 0) {
      pending--;
    } else {
      f.originals.push(usualOriginal(c));
    }
    f.chars.push(c);
    f.from.push(f.originals.length - 1);
  }
  while (f.chars[f.chars.length - 1] === ' ') {
    f.chars.pop();
    f.from.pop();
    f.originals.pop();
  }
  return f;
}
