import { getCollection, type CollectionEntry } from 'astro:content';
import { currentYear, yearView, type Tables, type YearView } from '../lib/model.ts';

/** Reads the validated CSV collections once per build and hands pages the plain rows. */
let tables: Promise<Tables> | undefined;

export function getTables(): Promise<Tables> {
  tables ??= (async () => {
    const rows = async <C extends keyof Tables>(name: C) =>
      (await getCollection(name))
        .map((entry) => entry.data)
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) as unknown as Tables[C];
    return {
      campaigns: await rows('campaigns'),
      competitionItems: await rows('competitionItems'),
      awardCategories: await rows('awardCategories'),
      timeline: await rows('timeline'),
      zones: await rows('zones'),
      enterprises: await rows('enterprises'),
      participation: await rows('participation'),
    };
  })();
  return tables;
}

export async function getCurrentYearView(): Promise<YearView> {
  const t = await getTables();
  return yearView(t, currentYear(t));
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
