import { getCollection, type CollectionEntry } from 'astro:content';
import { currentYear, yearView, type Tables, type WorkerRef, type YearView } from '../lib/model.ts';
import { isPublished } from '../lib/publish.ts';
import { TABLES } from '../lib/schema/tables.ts';

/** Reads the validated CSV collections once per build and hands pages the plain rows, in the editors' order. */
let tables: Promise<Tables> | undefined;

export function getTables(): Promise<Tables> {
  tables ??= (async () => {
    const entries = await Promise.all(
      (Object.keys(TABLES) as (keyof Tables)[]).map(async (name) => {
        const rows = (await getCollection(name)).map((entry) => entry.data).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
        return [name, rows] as const;
      }),
    );
    return Object.fromEntries(entries) as unknown as Tables;
  })();
  return tables;
}

/** The current year's view, computed once per build: every page's layout reads it. */
let currentView: Promise<YearView> | undefined;

export function getCurrentYearView(): Promise<YearView> {
  currentView ??= getTables().then((t) => yearView(t, currentYear(t)));
  return currentView;
}

type Dated = 'news' | 'stories' | 'workers';

/**
 * The entries of a Markdown collection that may appear in any output: drafts and items dated in
 * the future are left out here, the one place every page, list and feed reads them from.
 */
const published = new Map<Dated, Promise<CollectionEntry<Dated>[]>>();

export function getPublished<C extends Dated>(name: C): Promise<CollectionEntry<C>[]> {
  let entries = published.get(name);
  if (!entries) {
    entries = readPublished(name);
    published.set(name, entries);
  }
  return entries as Promise<CollectionEntry<C>[]>;
}

async function readPublished<C extends Dated>(name: C): Promise<CollectionEntry<C>[]> {
  const entries = (await getCollection(name)) as CollectionEntry<C>[];
  return entries
    .filter((e) => isPublished(e.data as { draft?: boolean; date?: string }))
    .sort((a, b) => {
      const da = (a.data as { date?: string }).date ?? '';
      const db = (b.data as { date?: string }).date ?? '';
      return db.localeCompare(da) || a.id.localeCompare(b.id);
    });
}

/** Read once per build, and the same array every time, so results computed from it can be cached. */
let workerRefs: Promise<WorkerRef[]> | undefined;

export function getWorkerRefs(): Promise<WorkerRef[]> {
  workerRefs ??= getPublished('workers').then((workers) => workers.map((w) => ({ id: w.id, name: w.data.name, enterprise: w.data.enterprise })));
  return workerRefs;
}

/** The notice a campaign names; a missing one stops the build instead of leaving a dead link. */
export async function getCampaignNotice(view: YearView): Promise<CollectionEntry<'notices'>> {
  const notices = await getCollection('notices');
  const notice = notices.find((n) => n.id === view.campaign.notice);
  if (!notice) {
    throw new Error(
      `data/campaigns.csv：${view.year} 年度的 notice 列填写的“${view.campaign.notice}”在 content/notices/ 中找不到对应的通知文件`,
    );
  }
  return notice;
}
