import { memoryRoot, type MemoryFile } from '../input/content-root.ts';
import { formatProblem, type Problem } from '../input/problems.ts';
import { readPortalData } from '../input/read.ts';

/**
 * The build's own checks (src/input/read.ts: cells, Markdown and MDX allowlists, personal numbers,
 * file names, the rules across files, quotas against totals, award caps) on the repository as it
 * would be after a save, run by the CMS before it commits (browser/check-save.ts, with the exact
 * text Sveltia writes). The repository is a set of files by path; what is inside PDFs and
 * pictures (pdf.js, sharp) is checked by the build only, and on a git host they are known by their
 * size alone (browser/host-files.ts).
 */
export type Repo = ReadonlyMap<string, MemoryFile>;

/** One file a save writes (bytes) or removes (none). */
export interface Change {
  path: string;
  bytes?: Uint8Array;
}

/** A problem of the saved file, with the editor's field it concerns (the frontmatter key of its line, or the body). */
export type EditorProblem = Problem & { editorField?: string };

export interface SaveVerdict {
  /** Problems the save brings: it is refused while there is one. */
  introduced: EditorProblem[];
  /** Problems the repository has already, the save neither brings nor removes: said, not refused. */
  existing: Problem[];
  /**
   * Pictures the saved file names that the repository does not hold yet: the CMS uploads a picture
   * chosen in the editor with the same commit, and does not tell its save handlers which ones
   * (Sveltia 0.221's preSave sees the entry, not the files it uploads). Said, not refused; the build
   * checks them.
   */
  uploading: Problem[];
}

export function applyChanges(repo: Repo, changes: readonly Change[]): Map<string, MemoryFile> {
  const after = new Map(repo);
  for (const change of changes) {
    if (change.bytes) after.set(change.path, change.bytes);
    else after.delete(change.path);
  }
  return after;
}

/**
 * A problem the same wherever its line is: a save that adds a line above an old problem moves it,
 * but does not bring it.
 */
const keyOf = (p: Problem) => [p.file, p.field ?? '', p.message, p.hint ?? ''].join('\u0000');

/**
 * Compares the repository before and after the save. Problems already there before are not the
 * save's: refusing them would stop an editor from mending one file of two broken ones (the build
 * stays stopped until both are mended; the CMS says so). Everything else the save brings is refused.
 */
/** The picture check's words for a picture that is not in the repository (inside-root.ts). */
const MISSING_PICTURE = /^(图片|照片文件)“[^”]*”不存在$/;

export function checkSave(repo: Repo, changes: readonly Change[]): SaveVerdict {
  const saved = new Set(changes.filter((c) => c.bytes).map((c) => c.path));
  const before = readPortalData(memoryRoot(repo)).problems;
  const after = readPortalData(memoryRoot(applyChanges(repo, changes))).problems;
  const left = new Map<string, number>();
  for (const p of before) left.set(keyOf(p), (left.get(keyOf(p)) ?? 0) + 1);
  const verdict: SaveVerdict = { introduced: [], existing: [], uploading: [] };
  for (const p of after) {
    if (saved.has(p.file) && MISSING_PICTURE.test(p.message)) {
      verdict.uploading.push(p);
      continue;
    }
    const count = left.get(keyOf(p)) ?? 0;
    if (count > 0) {
      left.set(keyOf(p), count - 1);
      verdict.existing.push(p);
    } else verdict.introduced.push(p);
  }
  // Beside its field in the editor: the saved Markdown file's problems, by their line.
  for (const change of changes) {
    if (!change.bytes || !/\.mdx?$/.test(change.path)) continue;
    const text = new TextDecoder().decode(change.bytes);
    verdict.introduced = verdict.introduced.map((p) => (p.file === change.path ? { ...p, editorField: editorField(p, text) } : p));
  }
  return verdict;
}

/**
 * The CMS field a problem of a Markdown file belongs to: its own field, else the frontmatter key
 * its line starts (a line inside a list belongs to the key above), else the body.
 */
export function editorField(p: Problem, text: string): string | undefined {
  if (p.field) return p.field;
  if (p.line === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  const end = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
  if (p.line > end) return 'body';
  for (let i = p.line - 1; i >= 1; i--) {
    const key = /^([A-Za-z_]\w*):/.exec(lines[i] ?? '');
    if (key) return key[1];
  }
  return undefined;
}

/** One problem as the build says it: file, line, column or field, what is wrong, 改法. */
export const problemText = formatProblem;
