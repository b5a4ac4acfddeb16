import fs from 'node:fs';
import path from 'node:path';
import { checkDocumentFiles, checkNoLinks } from './files.ts';
import { checkUploads, type UploadCache } from './uploads/check.ts';
import type { Problem } from './problems.ts';
import { readContent } from './markdown.ts';
import type { MarkupCache } from './markup/markup-problems.ts';
import type { PortalData, Tables } from './types.ts';
import { checkRules } from './rules.ts';
import { TABLES, type TableDef, type TableName } from './schema/tables.ts';
import { readTable } from './table.ts';

export type { PortalData, Tables } from './types.ts';

/**
 * Reads and checks every table under root/data; never throws for editors' mistakes, it lists them.
 * markupCache: the build's cache of the Markdown bodies' markup check; none, every body is parsed.
 */
export function readPortalData(root: string, markupCache?: MarkupCache): { data: PortalData; problems: Problem[]; documents: string[] } {
  const problems: Problem[] = [];
  const broken = new Set<TableName>();
  const headers = new Map<string, string[]>();
  const data = {} as Record<TableName, unknown[]>;
  for (const [name, def] of Object.entries(TABLES) as [TableName, TableDef][]) {
    const file = `data/${def.file}`;
    const full = path.join(root, file);
    if (!fs.existsSync(full)) {
      problems.push({ file, message: `缺少数据表“${def.title}”`, hint: `请在 data/ 下建立 ${def.file}` });
      data[name] = [];
      broken.add(name);
      continue;
    }
    const result = readTable(def, fs.readFileSync(full), file);
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
  const context = { fileExists: (file: string) => documents.present.has(path.posix.normalize(file)) };
  problems.push(...checkRules(portal, context, new Set([...broken, ...content.broken])));
  return { data: portal, problems: problems.map((p) => withColumn(p, headers)), documents: documents.documents };
}

/**
 * Every check `npm run validate` and the build run: readPortalData's, then what is inside the
 * uploads (the documents under files/ and the pictures under content/), which needs pdf.js and sharp
 * and so is asynchronous. documents: the files under files/ that may be published.
 */
export async function checkPortal(root: string, caches: { markup?: MarkupCache; uploads?: UploadCache } = {}): Promise<{ data: PortalData; problems: Problem[]; documents: string[] }> {
  const read = readPortalData(root, caches.markup);
  const uploads = await checkUploads(root, read.documents, caches.uploads);
  const refused = new Set(uploads.map((p) => p.file));
  return { data: read.data, problems: [...read.problems, ...uploads], documents: read.documents.filter((file) => !refused.has(file)) };
}

/** Cross-file rules name a column by its field; the editor's file may order columns any way, so look it up. */
function withColumn(p: Problem, headers: ReadonlyMap<string, string[]>): Problem {
  if (p.column !== undefined || !p.field) return p;
  const header = headers.get(p.file);
  const i = header ? header.indexOf(p.field.replace(/（.*$/, '')) : -1;
  return i >= 0 ? { ...p, column: i + 1 } : p;
}
