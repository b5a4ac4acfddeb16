import { VFileMessage } from 'vfile-message';
import type { Problem } from '../problems.ts';
import { markdownTree, mdxTree } from './parse-body.ts';
import { refusedHtml, type Finding } from './refused-html.ts';
import { BRACE_HINT, BRACE_MESSAGE, refusedMdx } from './refused-mdx.ts';

/**
 * The build's cache of this check between runs: a body's findings, lines counted from the body's
 * first line, by digest of (MDX or not, body), so an entry holds wherever the body sits in its file.
 */
export interface MarkupCache {
  version: string;
  /** What the last build kept. */
  saved: Map<string, Finding[]>;
  /** This build's bodies: what is kept for the next. */
  used: Map<string, Finding[]>;
  /** The digest a body is kept by (Node's sha256: markup-cache.ts, which the browser never loads). */
  digest(text: string): string;
}

/**
 * The markup of one Markdown or MDX body, checked on its syntax tree: HTML outside the allowed list
 * and, in MDX, anything that would run. firstLine is the body's first line in the file.
 */
export function markupProblems(body: string, firstLine: number, file: string, cache?: MarkupCache): Problem[] {
  const mdx = file.endsWith('.mdx');
  const key = cache && `${mdx ? 'mdx' : 'md'} ${cache.digest(body)}`;
  const findings = (key && cache.saved.get(key)) || bodyFindings(body, mdx);
  if (key) cache.used.set(key, findings);
  return findings.map(({ line, column, message, hint }) => ({ file, line: firstLine + (line ?? 1) - 1, column, message, hint }));
}

function bodyFindings(body: string, mdx: boolean): Finding[] {
  try {
    return mdx ? refusedMdx(mdxTree(body)) : refusedHtml(markdownTree(body));
  } catch (error) {
    if (!mdx || !(error instanceof VFileMessage)) throw error;
    return [syntaxError(error, body)];
  }
}

const TAG_HINT = '每个 <标签> 都要有对应的 </标签>，组件写成 <QuotaChart year={2019} /> 这样以 /> 结尾；文字中的英文小于号 < 请改用全角＜或写成“小于”';

/** MDX's parser stops at the first mistake, with an English message: said in Chinese, where it is. */
function syntaxError(error: VFileMessage, body: string): Finding {
  const place = error.place && 'start' in error.place ? error.place.start : error.place;
  const line = place?.line ?? error.line ?? undefined;
  const column = place?.column ?? error.column ?? undefined;
  const source = error.source ?? '';
  if (source.includes('mdx-expression')) {
    // Acorn points inside the braces; the editor needs the brace that opened them.
    const offset = place?.offset ?? offsetOf(body, line, column);
    const open = offset === undefined ? -1 : body.lastIndexOf('{', offset);
    return { ...(open >= 0 ? pointOf(body, open) : { line, column }), message: BRACE_MESSAGE, hint: BRACE_HINT };
  }
  if (source.includes('esm')) {
    return { line, column, message: 'MDX 文件里不能写 import 或 export', hint: '删除这一段；可用的组件不用 import，直接写，如 <QuotaChart year={2019} />' };
  }
  if (error.ruleId === 'unexpected-character' && /before name/.test(error.reason)) {
    // The character after "<" is not a name: the "<" itself is what to change.
    return { line, column: column === undefined ? undefined : column - 1, message: '正文中有英文小于号 <，MDX 文件会把它当成组件的开头', hint: '改用全角符号＜，或写成“小于”' };
  }
  return { line, column, message: '组件或 HTML 标签的写法有误，MDX 文件无法读懂', hint: TAG_HINT };
}

function offsetOf(text: string, line?: number, column?: number): number | undefined {
  if (line === undefined || column === undefined) return undefined;
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function pointOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
