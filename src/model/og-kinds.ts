import { sections } from './urls.ts';

/**
 * The link-preview pictures (Open Graph images): one per kind of page, so that a shared notice, a
 * leaderboard and a news item look different in a chat or a search result. Each kind in two sizes:
 * the wide card most platforms show (1200 × 630) and a square thumbnail (500 × 500), which WeChat,
 * QQ and Weibo crop a preview to. Drawn by src/astro/integrations/og-images.ts.
 */
export const OG_KINDS = [
  { key: 'home', label: '节能减排劳动竞赛', prefix: sections.home },
  { key: 'notice', label: '竞赛通知', prefix: sections.notices },
  { key: 'quota', label: '名额分配', prefix: sections.quota },
  { key: 'participate', label: '参赛指南', prefix: sections.participate },
  { key: 'results', label: '评选结果', prefix: sections.results },
  { key: 'enterprises', label: '参赛企业', prefix: sections.enterprises },
  { key: 'leaderboard', label: '节能减排排行', prefix: sections.leaderboard },
  { key: 'news', label: '新闻动态', prefix: sections.news },
  { key: 'stories', label: '先进经验', prefix: sections.stories },
  { key: 'workers', label: '先进人物', prefix: sections.workers },
  { key: 'data', label: '开放数据', prefix: sections.data },
  { key: 'archive', label: '历年竞赛', prefix: sections.archive },
] as const;

export type OgKind = (typeof OG_KINDS)[number];

export const OG_SIZES = [
  { width: 1200, height: 630 },
  { width: 500, height: 500 },
] as const;

/** The kind of a page, by the section its address is under; any other page is shown as the home page. */
export function ogKindOf(pathname: string): OgKind {
  return OG_KINDS.find((k) => k.prefix !== sections.home && pathname.startsWith(k.prefix)) ?? OG_KINDS[0];
}

export const ogImagePath = (kind: OgKind, size: { width: number; height: number }): string => `/og/${kind.key}-${size.width}x${size.height}.png`;
