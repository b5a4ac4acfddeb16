/**
 * A problem found in an editor's file. Every check collects problems instead of throwing at the
 * first one, so an editor sees everything that is wrong in one run.
 */
export interface Problem {
  /** Path relative to the content root, e.g. "data/zones.csv". */
  file: string;
  /** 1-based line in the file, when the problem belongs to a line. */
  line?: number;
  /** Column or frontmatter field, as the editor wrote it. */
  field?: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** How to fix it, in Chinese. */
  hint?: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? `第 ${p.line} 行` : '', p.field ? `“${p.field}”列/字段` : '']
    .filter(Boolean)
    .join('，');
  return `${where}：${p.message}${p.hint ? `（${p.hint}）` : ''}`;
}

export function formatProblems(problems: readonly Problem[]): string {
  const lines = sortProblems(problems).map((p, i) => `  ${i + 1}. ${formatProblem(p)}`);
  return `内容检查发现 ${problems.length} 个问题，网站未生成：\n${lines.join('\n')}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}

/** Thrown once, after all checks have run, when any problem was found. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
