import { decodeHTML } from 'entities';

export interface DecodedText {
  /** The text as a reader sees it: character references and backslash escapes resolved. */
  text: string;
  /** Offset in the source of each unit of text, plus the source length at the end: at[i]..at[j] is the source of text i..j. */
  at: number[];
}

/**
 * Character references (&#49; &#x31; &#65297; &amp;) and Markdown backslash escapes (\- \+ \( …),
 * so that a number cannot hide behind them from the privacy check. A backslash before a digit is
 * dropped too: Markdown shows it, but the number is still there for anyone to read.
 */
const ESCAPE = /&(?:#[xX][\da-fA-F]+|#\d+|[A-Za-z][A-Za-z\d]*);?|\\([!-/:-@[-`{-~\d])/g;

export function decodeMarkup(source: string): DecodedText {
  const parts: string[] = [];
  const at: number[] = [];
  let last = 0;
  const copy = (to: number) => {
    parts.push(source.slice(last, to));
    for (let i = last; i < to; i++) at.push(i);
  };
  for (const m of source.matchAll(ESCAPE)) {
    const out = m[1] ?? decodeHTML(m[0]);
    if (out === m[0]) continue;
    copy(m.index);
    parts.push(out);
    for (let i = 0; i < out.length; i++) at.push(m.index);
    last = m.index + m[0].length;
  }
  copy(source.length);
  at.push(source.length);
  return { text: parts.join(''), at };
}
