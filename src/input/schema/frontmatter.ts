import { z } from 'zod';
import { visible } from '../invisible.ts';
import { typedDay } from './day.ts';
import { ID_ERROR, ID_PATTERN } from './patterns.ts';

/**
 * Frontmatter of editors' Markdown files. Unknown fields are refused, like unknown CSV columns, so
 * private data (a phone number, an ID-card number) cannot reach a page by way of a typo'd field.
 */

const zhText = (title: string) => visible(z.string()).min(1, { error: `${title}不能为空` }).meta({ title });
/** One item of a list (issuers, attachments, honours). */
const item = () => visible(z.string()).min(1);
const ascii = (title: string) =>
  z
    .string()
    .regex(ID_PATTERN, { error: ID_ERROR })
    .meta({ title });
const campaignYear = z.number().int().min(2000).max(2100).meta({ title: '竞赛年度' });

/**
 * A calendar day, by the same rule as a table's date cell (day.ts). YAML may hand over a string
 * (2024/3/15, 2024年3月15日) or, in Astro's reader, a Date for 2024-03-15: either way it becomes
 * "2024-03-15", so the build shows the day the check accepted.
 */
const day = (title: string) => typedDay('2024-03-15').meta({ title, example: '2024-03-15' });

/**
 * 更正记录: when a published name, figure or result is corrected, the editor corrects the text and
 * adds what changed and when; the page shows the list, and its 更新日期 is the latest of them.
 */
const corrections = z
  .array(z.strictObject({ date: day('更正日期'), note: zhText('更正说明').meta({ title: '更正说明', description: '改了什么，如“第二段能耗数据由 13250 更正为 13520”' }) }))
  .default([])
  .meta({ title: '更正记录', description: '发布后更正了名称、数字或结果时，每次加一条：日期和更正说明' });

/** Kept out of every output while true: pages, lists, feeds, search, downloads. */
const draft = z.boolean({ error: 'draft 只能填 true 或 false' }).default(false).meta({ title: '草稿' });

export const noticeSchema = z.strictObject({
  year: campaignYear,
  documentNumber: zhText('发文字号').regex(/^.+〔\d{4}〕\d+号$/, { error: '发文字号应写成“焦工文〔2019〕27号”的样式，年份用六角括号〔〕' }),
  issuers: z.array(item()).min(1).meta({ title: '发文机关', description: '联合行文时按通知排列顺序逐个列出' }),
  title: zhText('标题'),
  addressees: zhText('主送机关'),
  attachments: z.array(item()).default([]).meta({ title: '附件名称' }),
  reportDeadline: zhText('报送期限').optional(),
  contact: z
    .strictObject({ department: zhText('联系部门'), email: z.email({ error: '电子邮箱格式不正确' }) })
    .optional()
    .meta({ title: '联系方式' }),
  corrections,
});

/**
 * A 表彰决定: an official document like the notice (the same header fields, the same layout), with
 * the day it was issued and the 公示 it follows. The list it makes final is not retyped here: it is
 * the 公示's recipients in data/awards.csv less those withdrawn, so the two can never disagree.
 */
export const decisionSchema = z.strictObject({
  year: campaignYear,
  documentNumber: noticeSchema.shape.documentNumber,
  issuers: noticeSchema.shape.issuers,
  title: zhText('标题'),
  addressees: zhText('主送机关'),
  date: day('成文日期').meta({ title: '成文日期', description: '决定印发的日期；此前网站不显示这份决定，名单仍按公示阶段显示', example: '2025-01-10' }),
  publicity: z
    .array(z.string().regex(ID_PATTERN, { error: ID_ERROR }))
    .min(1, { error: '至少填写一次公示的编号' })
    .meta({ title: '依据的公示', description: 'publicity.csv 中阶段为 award 的公示编号；决定的名单就是这些公示中未被撤销的对象' }),
  corrections,
  draft,
});

export const newsSchema = z.strictObject({
  title: zhText('标题'),
  date: day('发布日期'),
  year: campaignYear,
  summary: zhText('摘要').optional(),
  zone: ascii('赛区编号').optional(),
  corrections,
  draft,
});

export const storySchema = z.strictObject({
  title: zhText('标题'),
  date: day('发布日期'),
  year: campaignYear,
  enterprise: ascii('企业编号'),
  summary: zhText('摘要'),
  corrections,
  draft,
});

export const WORKER_CATEGORIES = ['劳模', '工匠', '技术标兵'] as const;

/** Astro checks the photo with its image() helper; plain validation takes the path as text. */
export const workerSchema = <P extends z.ZodType>(photo: P) =>
  z.strictObject({
    name: zhText('姓名'),
    enterprise: ascii('企业编号'),
    category: z.enum(WORKER_CATEGORIES, { error: `只能填写以下之一：${WORKER_CATEGORIES.join('、')}` }).meta({ title: '类别' }),
    role: zhText('岗位'),
    honours: z.array(item()).default([]).meta({ title: '荣誉' }),
    photo: photo.optional().meta({ title: '照片', description: '与本文件同目录的图片相对路径，如 ./photos/zhang-san.jpg' }),
    photoAlt: zhText('照片说明').optional(),
    corrections,
    draft,
  });

export type NoticeFrontmatter = z.infer<typeof noticeSchema>;
export type DecisionFrontmatter = z.infer<typeof decisionSchema>;
export type NewsFrontmatter = z.infer<typeof newsSchema>;
export type StoryFrontmatter = z.infer<typeof storySchema>;
export type WorkerFrontmatter = z.infer<ReturnType<typeof workerSchema<z.ZodString>>>;

/** Each Markdown collection: its folder under content/, the files it takes, and its schema. */
export const CONTENT = {
  notices: { dir: 'notices', pattern: /\.md$/, title: '通知', schema: noticeSchema },
  decisions: { dir: 'decisions', pattern: /\.md$/, title: '表彰决定', schema: decisionSchema },
  news: { dir: 'news', pattern: /\.md$/, title: '新闻', schema: newsSchema },
  stories: { dir: 'stories', pattern: /\.mdx?$/, title: '先进经验', schema: storySchema },
  workers: { dir: 'workers', pattern: /\.md$/, title: '劳模', schema: workerSchema(z.string()) },
} as const;
export type ContentName = keyof typeof CONTENT;
