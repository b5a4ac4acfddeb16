import fs from 'node:fs';
import path from 'node:path';
import { checkDocumentFiles, checkNoLinks } from './files.ts';
import { ContentError, type Problem } from './problems.ts';
import { readContent } from './markdown.ts';
import type { PortalData, Tables } from './types.ts';
import { beijingDate } from '../model/publish.ts';
import { checkRules } from './rules.ts';
import { siteModel, type Site } from '../model/site.ts';
import { TABLES, type TableDef, type TableName } from './schema/tables.ts';
import { readTable } from './table.ts';

export type { PortalData, Tables } from './types.ts';

/** Reads and checks every table under root/data; never throws for editors' mistakes, it lists them. */
export function readPortalData(root: string): { data: PortalData; problems: Problem[] } {
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
  const content = readContent(root);
  problems.push(...content.problems);
  problems.push(...checkNoLinks(root));
  const documents = checkDocumentFiles(root);
  problems.push(...documents.problems);
  const portal = { ...(data as Tables), content: content.content };
  // A refused file under files/ has its own problem; a name that leaves files/ ("../") is never there.
  const context = { fileExists: (file: string) => documents.present.has(path.posix.normalize(file)) };
  problems.push(...checkRules(portal, context, new Set([...broken, ...content.broken])));
  return { data: portal, problems: problems.map((p) => withColumn(p, headers)) };
}

/** Cross-file rules name a column by its field; the editor's file may order columns any way, so look it up. */
function withColumn(p: Problem, headers: ReadonlyMap<string, string[]>): Problem {
  if (p.column !== undefined || !p.field) return p;
  const header = headers.get(p.file);
  const i = header ? header.indexOf(p.field.replace(/（.*$/, '')) : -1;
  return i >= 0 ? { ...p, column: i + 1 } : p;
}

/**
 * One build reads the data in several module instances of the same process (the integrations, the
 * pages' bundle): a process-wide cache lets them share one read, one check and one site model. It
 * is the only cache of editors' data; everything else is derived from the site model it holds.
 */
interface Cached {
  data: PortalData;
  /** By Beijing date: the gate depends on nothing finer. */
  sites: Map<string, Site>;
}
const cache: Map<string, Cached> = ((globalThis as Record<symbol, unknown>)[Symbol.for('jz-portal.portal-data')] ??= new Map()) as Map<string, Cached>;

/** readPortalData's problems; data without problems is kept for loadPortalData, so a build reads it once. */
export function checkPortalData(root: string): Problem[] {
  const { data, problems } = readPortalData(root);
  if (problems.length === 0) cache.set(root, { data, sites: new Map() });
  return problems;
}

function cached(root: string): Cached {
  let entry = cache.get(root);
  if (!entry) {
    const { data, problems } = readPortalData(root);
    if (problems.length > 0) throw new ContentError(problems);
    cache.set(root, (entry = { data, sites: new Map() }));
  }
  return entry;
}

/** The validated data for the build: read once per root; any problem stops the build with all of them listed. */
export function loadPortalData(root: string): PortalData {
  return cached(root).data;
}

/** The site model published on the Beijing date of `now`, built once per root and day. */
export function loadSite(root: string, now: Date): Site {
  const entry = cached(root);
  const day = beijingDate(now);
  let site = entry.sites.get(day);
  if (!site) entry.sites.set(day, (site = siteModel(entry.data, now)));
  return site;
}
