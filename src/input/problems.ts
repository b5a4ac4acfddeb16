/**
 * A problem found in an editor's file. Every check collects problems instead of throwing at the
 * first one, so an editor sees everything that is wrong in one run.
 */
export interface Problem {
  /** Path relative to the content root, e.g. "data/zones.csv". */
  file: string;
  /** 1-based line in the file, when the problem belongs to a line. */
  line?: number;
  /**
   * 1-based column: in a CSV table the cell's column (shown as Excel's letter, A, B, …), in a
   * Markdown file the character on the line.
   */
  column?: number;
  /** Column or frontmatter field, as the editor wrote it. */
  field?: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it, in Chinese. */
  hint?: string;
}

/** Excel's name for a 1-based column: 1 → A, 26 → Z, 27 → AA. */
export function excelColumn(n: number): string {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

const isTable = (file: string) => /\.csv$/i.test(file);

/** Where in the file, as an editor looking at Excel or a text editor finds it: "第 2 行，E 列“quota（参赛名额）”". */
export function locate(p: Problem): string {
  const parts: string[] = [];
  if (p.line !== undefined) parts.push(`第 ${p.line} 行`);
  if (isTable(p.file)) {
    const column = p.column !== undefined ? `${excelColumn(p.column)} 列` : p.field ? '列' : '';
    if (column) parts.push(p.field ? `${column}“${p.field}”` : column);
  } else {
    if (p.column !== undefined && p.line !== undefined) parts[parts.length - 1] += `第 ${p.column} 个字`;
    if (p.field) parts.push(`字段“${p.field}”`);
  }
  return parts.join('，');
}

/** One problem on one line: "data/zones.csv，第 2 行，E 列“quota（参赛名额）”：此项必填，不能留空（改法：…）". */
export function formatProblem(p: Problem): string {
  const where = [p.file, locate(p)].filter(Boolean).join('，');
  return `${where}：${p.message}${p.hint ? `（改法：${p.hint}）` : ''}`;
}

/** Every problem, grouped by file, each with where, what and how to fix it. */
export function formatProblems(problems: readonly Problem[], headline = '网站未生成'): string {
  const out = [`内容检查发现 ${problems.length} 个问题，${headline}：`];
  let file: string | undefined;
  sortProblems(problems).forEach((p, i) => {
    if (p.file !== file) {
      file = p.file;
      out.push('', p.file);
    }
    const where = locate(p);
    out.push(`  ${i + 1}. ${where ? `${where}：` : ''}${p.message}`);
    if (p.hint) out.push(`     改法：${p.hint}`);
  });
  return out.join('\n');
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** Locale-independent order, so the report reads the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Thrown once, after all checks have run, when any problem was found. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
    // The editors' mistake is in their files, not in our code: no stack trace under the list.
    this.stack = undefined;
  }
}
