import { type ContentRoot, normalizePath } from './content-root.ts';
import { checkDocumentFiles, checkNoLinks } from './files.ts';
import type { Problem } from './problems.ts';
import { readContent } from './markdown.ts';
import type { MarkupCache } from './markup/markup-problems.ts';
import type { PortalData, Tables } from './types.ts';
import { checkRules } from './rules.ts';
import { TABLES, type TableDef, type TableName } from './schema/tables.ts';
import { readTable } from './table.ts';

export type { PortalData, Tables } from './types.ts';

/**
 * Reads and checks every table under root/data, every Markdown file under root/content and the
 * names under root/files, then the rules across files; never throws for editors' mistakes, it lists
 * them. root: the disk (disk-root.ts) for the build and `npm run validate`, the repository as it
 * would be after a save in the CMS (content-root.ts). What is inside uploads is checked apart
 * (check-portal.ts, Node only). markupCache: the build's cache of the Markdown bodies' markup
 * check; none, every body is parsed.
 */
export function readPortalData(root: ContentRoot, markupCache?: MarkupCache): { data: PortalData; problems: Problem[]; documents: string[] } {
  const problems: Problem[] = [];
  const broken = new Set<TableName>();
  const headers = new Map<string, string[]>();
  const data = {} as Record<TableName, unknown[]>;
  for (const [name, def] of Object.entries(TABLES) as [TableName, TableDef][]) {
    const file = `data/${def.file}`;
    const kind = root.stat(file)?.kind;
    if (kind !== 'file') {
      // A shortcut of that name is reported by checkNoLinks, and never read.
      if (kind !== 'link') problems.push({ file, message: `缺少数据表“${def.title}”`, hint: `请在 data/ 下建立 ${def.file}` });
      data[name] = [];
      broken.add(name);
      continue;
    }
    const result = readTable(def, root.read(file), file);
    headers.set(file, result.header);
    problems.push(...result.problems);
    if (result.problems.length > 0) broken.add(name);
    data[name] = result.rows;
  }
  const content = readContent(root, markupCache);
  problems.push(...content.problems);
  problems.push(...checkNoLinks(root));
  const documents = checkDocumentFiles(root);
  problems.push(...documents.problems);
  const portal = { ...(data as Tables), content: content.content };
  // A refused file under files/ has its own problem; a name that leaves files/ ("../") is never there.
  const context = { fileExists: (file: string) => documents.present.has(normalizePath(file)) };
  problems.push(...checkRules(portal, context, new Set([...broken, ...content.broken])));
  return { data: portal, problems: problems.map((p) => withColumn(p, headers)), documents: documents.documents };
}

/** Cross-file rules name a column by its field; the editor's file may order columns any way, so look it up. */
function withColumn(p: Problem, headers: ReadonlyMap<string, string[]>): Problem {
  if (p.column !== undefined || !p.field) return p;
  const header = headers.get(p.file);
  const i = header ? header.indexOf(p.field.replace(/（.*$/, '')) : -1;
  return i >= 0 ? { ...p, column: i + 1 } : p;
}
