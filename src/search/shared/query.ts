/**
 * What the reader typed, turned into terms and into the queries Pagefind runs on our encoding
 * (see ngrams.ts). A page matches when it contains every term, each as a contiguous string, the way
 * Ctrl+F finds it; white space in the query separates terms.
 */
import { foldGraphemes, NO_T2S, type FoldKinds, type T2S } from './fold.ts';
import { cleanText, graphemes, isWhiteSpace, isWordChar } from './text.ts';

/** Longest term we search for, in characters (the search boxes take 64): bounds the download. */
export const MAX_TERM = 64;
/** At most this many terms are searched; the rest are ignored. */
export const MAX_TERMS = 4;

export interface ParsedQuery {
  /** Folded terms (see fold.ts), each a list of characters (grapheme clusters). */
  terms: string[][];
  /** The terms as the reader typed them (for messages and highlighting). */
  display: string[];
  /** True when a term was cut to MAX_TERM characters or terms were dropped. */
  truncated: boolean;
  /** What folding changed in the terms searched, beyond letter case. */
  folded: FoldKinds;
}

/** The query's terms: white space separates them, each is folded as the index is. */
export function parseQuery(input: string, t2s: T2S = NO_T2S): ParsedQuery {
  const f = foldGraphemes(graphemes(cleanText(input).trim()), t2s);
  const parts: { chars: string[]; from: number[] }[] = [];
  let part: (typeof parts)[number] | undefined;
  f.chars.forEach((c, i) => {
    if (c === ' ') {
      part = undefined;
      return;
    }
    if (!part) parts.push((part = { chars: [], from: [] }));
    part.chars.push(c);
    part.from.push(f.from[i] as number);
  });
  let truncated = parts.length > MAX_TERMS;
  const terms: string[][] = [];
  const display: string[] = [];
  const seen = new Set<string>();
  const folded: FoldKinds = { width: false, bracket: false, traditional: false };
  for (const p of parts.slice(0, MAX_TERMS)) {
    let chars = p.chars;
    if (chars.length > MAX_TERM) {
      chars = chars.slice(0, MAX_TERM);
      truncated = true;
    }
    const key = chars.join('');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(chars);
    // The original characters of the folded ones searched (a cut never splits an original).
    const shown = f.originals.slice(p.from[0], (p.from[chars.length - 1] as number) + 1);
    display.push(shown.join(''));
    const k = foldGraphemes(shown, t2s).kinds;
    folded.width ||= k.width;
    folded.bracket ||= k.bracket;
    folded.traditional ||= k.traditional;
  }
  return { terms, display, truncated, folded };
}

/**
 * The exact (quoted) Pagefind query for one term: the phrase of its bigrams, or the single
 * character, which the page's character list holds.
 */
export function exactQuery(term: readonly string[]): string {
  if (term.length === 1) return `"${term[0]}"`;
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < term.length; i++) bigrams.push(`${term[i]}${term[i + 1]}`);
  return `"${bigrams.join(' ')}"`;
}

/** The unquoted query used only to score pages (BM25 over the same words). */
export function scoringQuery(term: readonly string[]): string {
  return exactQuery(term).slice(1, -1);
}

/**
 * Characters of a term that no indexed page can contain: a character that is neither a letter nor
 * a digit is indexed only if some page uses it (the indexer lists those as Pagefind's
 * include_characters). Pagefind's query parser would silently drop such a character, so a term
 * containing one is answered "no page" without asking Pagefind.
 */
export function unknownSymbols(term: readonly string[], indexedSymbols: ReadonlySet<string>): string[] {
  const unknown: string[] = [];
  for (const g of term) {
    for (const ch of g) {
      if (!isWordChar(ch) && !isWhiteSpace(ch) && !indexedSymbols.has(ch)) unknown.push(ch);
    }
  }
  return unknown;
}
