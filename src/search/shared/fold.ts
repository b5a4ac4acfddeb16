/**
 * Folding: the one form in which page text and queries are compared, so that a reader finds a page
 * whatever form of a character they type. Every character (grapheme cluster) is folded on its own,
 * whatever its neighbours, which is what keeps the search exact: the query's folded form occurs in a
 * page's folded text exactly when the page is shown, and a substring of the page always folds to a
 * substring of the folded page.
 *
 * A character is folded in this order:
 *  1. Unicode NFKC: full-width and half-width forms (Ａ→A, ８→8, （→(, ：→:, ｶ→カ), and the other
 *     compatibility forms NFKC knows (①→1, ㈠→(一), ﬁ→fi, CJK compatibility ideographs). A character
 *     whose NFKC form would contain white space (¨ → space + diaeresis) is left as it is.
 *  2. Lower case (as before).
 *  3. Brackets: 〔 [ 【 ( 〈 all become (, and 〕 ] 】 ) 〉 all become ), so 焦工文[2019]27号,
 *     焦工文(2019)27号 and 焦工文〔2019〕27号 are one text. The ASCII quote " becomes ＂ (the
 *     quote is the phrase marker of Pagefind's query syntax).
 *  4. Traditional to simplified, character by character, through OpenCC's TSCharacters table
 *     (the first simplified form of each traditional character): 節能減排 → 节能减排.
 *
 * The result keeps, for every folded character, the original character it came from, so matches are
 * marked on the page's own text (NFKC can turn one character into several).
 */
import { cleanText, graphemes, isWhiteSpace } from './text.ts';

/** Traditional character → simplified character (one code point each side, or a short string). */
export type T2S = ReadonlyMap<string, string>;
export const NO_T2S: T2S = new Map();

/** What folding changed in a text, beyond letter case. */
export interface FoldKinds {
  /** Full-width, half-width or other compatibility forms (NFKC). */
  width: boolean;
  /** Bracket variants. */
  bracket: boolean;
  /** Traditional characters. */
  traditional: boolean;
}

const OPEN = '〔[【(〈';
const CLOSE = '〕]】)〉';
const BRACKET = new Map<string, string>([...[...OPEN].map((c) => [c, '('] as const), ...[...CLOSE].map((c) => [c, ')'] as const)]);
const SPECIAL = new Map<string, string>([['"', '＂']]);
const HAS_WHITE_SPACE = /[\s\u0085]/;

export interface FoldedChar {
  /** The folded form, as graphemes (usually one; NFKC can give several). */
  pieces: string[];
  width: boolean;
  bracket: boolean;
  traditional: boolean;
}

/** Each table's folded characters, computed once: a site has a few thousand distinct characters. */
const folded = new WeakMap<T2S, Map<string, FoldedChar>>();

/** One character (grapheme cluster, already NFC) folded. The result is shared: never change it. */
export function foldGrapheme(g: string, t2s: T2S = NO_T2S): FoldedChar {
  let known = folded.get(t2s);
  if (!known) folded.set(t2s, (known = new Map()));
  let f = known.get(g);
  if (!f) known.set(g, (f = foldOne(g, t2s)));
  return f;
}

function foldOne(g: string, t2s: T2S): FoldedChar {
  if (isWhiteSpace(g)) return { pieces: [' '], width: false, bracket: false, traditional: false };
  let s = g.normalize('NFKC');
  if (HAS_WHITE_SPACE.test(s)) s = g;
  const width = s !== g;
  s = s.toLowerCase();
  let bracket = false;
  let traditional = false;
  let out = '';
  for (const ch of s) {
    const b = BRACKET.get(ch);
    if (b !== undefined) {
      if (b !== ch) bracket = true;
      out += b;
      continue;
    }
    const special = SPECIAL.get(ch);
    if (special !== undefined) {
      out += special;
      continue;
    }
    const simple = t2s.get(ch);
    if (simple !== undefined && simple !== ch) {
      traditional = true;
      out += simple;
      continue;
    }
    out += ch;
  }
  return { pieces: out === g ? [g] : graphemes(out), width, bracket, traditional };
}

/** A text in folded form, with the way back to the original characters. */
export interface FoldedText {
  /** Folded characters (grapheme clusters); white space is one ' '. */
  chars: string[];
  /** For each folded character, the index in `originals` of the character it comes from. */
  from: number[];
  /** The original characters. */
  originals: string[];
  kinds: FoldKinds;
}

/** Folds a list of original characters (already cleaned: NFC, white space collapsed). */
export function foldGraphemes(originals: string[], t2s: T2S = NO_T2S): FoldedText {
  const chars: string[] = [];
  const from: number[] = [];
  const kinds: FoldKinds = { width: false, bracket: false, traditional: false };
  originals.forEach((g, i) => {
    const f = foldGrapheme(g, t2s);
    kinds.width ||= f.width;
    kinds.bracket ||= f.bracket;
    kinds.traditional ||= f.traditional;
    for (const p of f.pieces) {
      chars.push(p);
      from.push(i);
    }
  });
  return { chars, from, originals, kinds };
}

/** The form in which page text and queries are compared: cleaned and folded, as one string. */
export function comparable(text: string, t2s: T2S = NO_T2S): string {
  return foldGraphemes(graphemes(cleanText(text)), t2s).chars.join('');
}

/** Whether the table folds some character of text (keys: the table's, or decodeT2sKeys of them). */
export function needsT2s(text: string, keys: { has(ch: string): boolean }): boolean {
  for (const ch of text.normalize('NFKC')) if (keys.has(ch)) return true;
  return false;
}

/**
 * The table as OpenCC ships it ("萬 万|與 与|…", several simplified forms possible: the first one
 * is taken), made idempotent: a simplified form that is itself a key is followed to its end.
 */
export function parseOpenccTable(source: string): Map<string, string> {
  const raw = new Map<string, string>();
  for (const entry of source.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from !== to && [...from].length === 1) raw.set(from, to);
  }
  const resolved = new Map<string, string>();
  for (const [from, to] of raw) {
    let s = to;
    for (let i = 0; i < 4 && raw.has(s) && raw.get(s) !== s; i++) s = raw.get(s) as string;
    if (s !== from) resolved.set(from, s);
  }
  return resolved;
}

/** The table written as text the browser reads back with parseOpenccTable. */
export function formatT2s(table: T2S): string {
  return [...table].map(([t, s]) => `${t} ${s}`).join('|');
}

/**
 * The keys of the table, compactly: the BMP ones as a bitmap (base64) over [start, start + bits),
 * the others listed. A browser reads this small file with the index and downloads the table itself
 * only for a query that contains one of its characters.
 */
export interface T2sKeysFile {
  start: number;
  bits: string;
  other: string;
}

export function encodeT2sKeys(table: T2S): T2sKeysFile {
  const bmp = [...table.keys()].map((k) => k.codePointAt(0) as number).filter((c) => c <= 0xffff);
  const start = Math.min(...bmp);
  const end = Math.max(...bmp);
  const bytes = new Uint8Array(((end - start) >> 3) + 1);
  for (const c of bmp) bytes[(c - start) >> 3] = (bytes[(c - start) >> 3] as number) | (1 << ((c - start) & 7));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const other = [...table.keys()].filter((k) => (k.codePointAt(0) as number) > 0xffff).join('');
  return { start, bits: btoa(binary), other };
}

export function decodeT2sKeys(file: T2sKeysFile): { has(ch: string): boolean } {
  const binary = atob(file.bits);
  const other = new Set([...file.other]);
  return {
    has(ch: string) {
      const c = ch.codePointAt(0) as number;
      if (c > 0xffff) return other.has(ch);
      const i = c - file.start;
      return i >= 0 && i >> 3 < binary.length && ((binary.charCodeAt(i >> 3) >> (i & 7)) & 1) === 1;
    },
  };
}

/** Files the index step writes beside the index: the table's keys (read with the index) and the table (read when a query needs it). */
export const T2S_KEYS_FILE = 't2s-keys.json';
export const T2S_FILE = 't2s.txt';

/** Gives the table a query needs: none unless the query has a character the table folds. */
export type T2sSource = (query: string) => Promise<T2S>;

/** The browser's T2sSource: reads the keys from `base` now and the table the first time a query needs it. */
export async function loadT2s(base: string, get: (url: string) => Promise<Response> = fetch): Promise<T2sSource> {
  const keys = decodeT2sKeys((await (await get(new URL(T2S_KEYS_FILE, base).href)).json()) as T2sKeysFile);
  let table: Promise<T2S> | undefined;
  return (query) => {
    if (!needsT2s(query, keys)) return Promise.resolve(NO_T2S);
    table ??= get(new URL(T2S_FILE, base).href)
      .then((r) => r.text())
      .then(parseOpenccTable);
    return table;
  };
}
