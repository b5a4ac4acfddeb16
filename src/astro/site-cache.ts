import { diskRoot } from '../input/disk-root.ts';
import { checkPortal } from '../input/check-portal.ts';
import { readPortalData } from '../input/read.ts';
import type { UploadCache } from '../input/uploads/check.ts';
import type { MarkupCache } from '../input/markup/markup-problems.ts';
import { ContentError, type Problem } from '../input/problems.ts';
import type { PortalData } from '../input/types.ts';
import { siteModel, type Site } from '../model/site.ts';

/**
 * One build reads the data in several module instances of the same process (the integrations, the
 * pages' bundle): a process-wide cache lets them share one read, one check and one site model. It
 * is the only cache of editors' data; everything else is derived from the site model it holds.
 */
interface Cached {
  data: PortalData;
  /** By the moment: the 公示 open and close by the hour. */
  sites: Map<string, Site>;
  /**
   * The documents under files/ to publish, once the whole check (uploads' contents included) has
   * passed; none when the data was read without it (loadPortalData's own read).
   */
  documents?: string[];
}
const cache: Map<string, Cached> = ((globalThis as Record<symbol, unknown>)[Symbol.for('jz-portal.portal-data')] ??= new Map()) as Map<string, Cached>;

/**
 * Every check's problems (checkPortal); data without problems is kept for loadPortalData and the
 * documents for publishedDocuments, so a build reads and checks the editors' files once.
 */
export async function checkPortalData(root: string, caches: { markup?: MarkupCache; uploads?: UploadCache } = {}): Promise<Problem[]> {
  const { data, problems, documents } = await checkPortal(diskRoot(root), caches);
  if (problems.length === 0) cache.set(root, { data, sites: new Map(), documents });
  return problems;
}

/**
 * The documents under files/ that passed every check, to publish: as the check at the start of the
 * build found them, or checked now; any problem stops the build with all of them listed.
 */
export async function publishedDocuments(root: string): Promise<string[]> {
  const known = cache.get(root)?.documents;
  if (known) return known;
  const { data, problems, documents } = await checkPortal(diskRoot(root));
  if (problems.length > 0) throw new ContentError(problems);
  cache.set(root, { data, sites: cache.get(root)?.sites ?? new Map(), documents });
  return documents;
}

function cached(root: string): Cached {
  let entry = cache.get(root);
  if (!entry) {
    const { data, problems } = readPortalData(diskRoot(root));
    if (problems.length > 0) throw new ContentError(problems);
    cache.set(root, (entry = { data, sites: new Map() }));
  }
  return entry;
}

/** The validated data for the build: read once per root; any problem stops the build with all of them listed. */
export function loadPortalData(root: string): PortalData {
  return cached(root).data;
}

/** The site model published at `now`, built once per root and moment. */
export function loadSite(root: string, now: Date): Site {
  const entry = cached(root);
  const moment = now.toISOString();
  let site = entry.sites.get(moment);
  if (!site) entry.sites.set(moment, (site = siteModel(entry.data, now)));
  return site;
}
