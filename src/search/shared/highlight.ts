/**
 * Excerpts and highlighting: matches are found on the page's folded text (fold.ts), the way the
 * index finds pages, and marked on the page's own characters, so that exactly the matched
 * characters are marked, every occurrence of every term and nothing else, whatever form the reader
 * typed.
 */
import type { FoldedText } from './fold.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

/** Where the (folded) terms occur in a list of folded characters: [start, end) ranges, merged where they overlap. */
export function findMatches(lower: readonly string[], terms: readonly (readonly string[])[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (term.length === 0) continue;
    outer: for (let i = 0; i + term.length <= lower.length; i++) {
      for (let j = 0; j < term.length; j++) if (lower[i + j] !== term[j]) continue outer;
      ranges.push([i, i + term.length]);
    }
  }
  return merge(ranges);
}

function merge(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Matches as ranges of the original characters: a match covers every original character it touches. */
export function originalMatches(f: FoldedText, terms: readonly (readonly string[])[]): [number, number][] {
  return merge(findMatches(f.chars, terms).map(([s, e]) => [f.from[s] as number, (f.from[e - 1] as number) + 1]));
}

/** The characters from..to as text and marked segments. */
function segments(chars: readonly string[], from: number, to: number, ranges: [number, number][]): Segment[] {
  const out: Segment[] = [];
  let at = from;
  const push = (end: number, mark: boolean) => {
    if (end <= at) return;
    const text = chars.slice(at, end).join('');
    const last = out[out.length - 1];
    if (last && last.mark === mark) last.text += text;
    else out.push({ text, mark });
    at = end;
  };
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    push(Math.max(s, from), false);
    push(Math.min(e, to), true);
  }
  push(to, false);
  return out;
}

/** The whole text with every match marked (for titles). */
export function highlight(text: FoldedText, terms: readonly (readonly string[])[]): Segment[] {
  const chars = text.originals;
  return segments(chars, 0, chars.length, originalMatches(text, terms));
}

export interface Excerpt {
  segments: Segment[];
  /** Text left out before and after the excerpt. */
  before: boolean;
  after: boolean;
}

/**
 * About `length` characters of text around the first match (or the start of the text when the
 * match is only in the title), with every match inside the window marked.
 */
export function excerpt(text: FoldedText, terms: readonly (readonly string[])[], length = 80): Excerpt {
  const chars = text.originals;
  const ranges = originalMatches(text, terms);
  const first = ranges[0];
  let from = 0;
  if (first) {
    const lead = Math.floor((length - (first[1] - first[0])) / 3);
    from = Math.max(0, Math.min(first[0] - Math.max(lead, 0), chars.length - length));
  }
  const to = Math.min(chars.length, from + length);
  // Do not start or end the excerpt in the middle of a match.
  for (const [s, e] of ranges) if (s < from && e > from) from = s;
  let end = to;
  for (const [s, e] of ranges) if (s < end && e > end) end = e;
  return { segments: segments(chars, from, end, ranges), before: from > 0, after: end < chars.length };
}
