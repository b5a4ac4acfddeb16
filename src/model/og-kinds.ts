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

/**
 * A page's own link-preview picture, made from its own photo (a worker's portrait, the first photo
 * in a news item's or a story's text) in the same two sizes, cropped to each: the wide card and the
 * chat apps' square. Shown before the kind's pictures. JPEG, as photos are.
 */
export const OWN_OG_KINDS = ['news', 'stories', 'workers'] as const;
export type OwnOgKind = (typeof OWN_OG_KINDS)[number];

export const ownOgImagePath = (kind: OwnOgKind, id: string, size: { width: number; height: number }): string =>
  `/og/${kind}/${id}-${size.width}x${size.height}.jpg`;

/**
 * The first photo of a Markdown or MDX text, as the editor wrote its path (relative to the file):
 * the first ![说明](./images/….jpg) or <img src="./…">. Addresses of other sites and data: are no
 * photo of the article's own (and the checks refuse them).
 */
export function firstPhoto(body: string): string | undefined {
  const found = [...body.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?|<img\b[^>]*?\ssrc\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1] ?? m[2]!);
  return found.find((src) => !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src));
}

export interface OwnOgImage {
  path: string;
  width: number;
  height: number;
  alt: string;
  type: string;
}

/** The page's own pictures, as its link-preview meta names them. */
export const ownOgImages = (kind: OwnOgKind, id: string, alt: string): OwnOgImage[] =>
  OG_SIZES.map((size) => ({ path: ownOgImagePath(kind, id, size), ...size, alt, type: 'image/jpeg' }));
