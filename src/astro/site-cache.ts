import { readPortalData } from '../input/read.ts';
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
}
const cache: Map<string, Cached> = ((globalThis as Record<symbol, unknown>)[Symbol.for('jz-portal.portal-data')] ??= new Map()) as Map<string, Cached>;

/** readPortalData's problems; data without problems is kept for loadPortalData, so a build reads it once. */
export function checkPortalData(root: string, markupCache?: MarkupCache): Problem[] {
  const { data, problems } = readPortalData(root, markupCache);
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

/** The site model published at `now`, built once per root and moment. */
export function loadSite(root: string, now: Date): Site {
  const entry = cached(root);
  const moment = now.toISOString();
  let site = entry.sites.get(moment);
  if (!site) entry.sites.set(moment, (site = siteModel(entry.data, now)));
  return site;
}
