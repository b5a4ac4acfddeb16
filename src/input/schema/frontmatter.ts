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
});

export const newsSchema = z.strictObject({
  title: zhText('标题'),
  date: day('发布日期'),
  year: campaignYear,
  summary: zhText('摘要').optional(),
  zone: ascii('赛区编号').optional(),
  draft,
});

export const storySchema = z.strictObject({
  title: zhText('标题'),
  date: day('发布日期'),
  year: campaignYear,
  enterprise: ascii('企业编号'),
  summary: zhText('摘要'),
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
    draft,
  });

export type NoticeFrontmatter = z.infer<typeof noticeSchema>;
export type NewsFrontmatter = z.infer<typeof newsSchema>;
export type StoryFrontmatter = z.infer<typeof storySchema>;
export type WorkerFrontmatter = z.infer<ReturnType<typeof workerSchema<z.ZodString>>>;

/** Each Markdown collection: its folder under content/, the files it takes, and its schema. */
export const CONTENT = {
  notices: { dir: 'notices', pattern: /\.md$/, title: '通知', schema: noticeSchema },
  news: { dir: 'news', pattern: /\.md$/, title: '新闻', schema: newsSchema },
  stories: { dir: 'stories', pattern: /\.mdx?$/, title: '先进经验', schema: storySchema },
  workers: { dir: 'workers', pattern: /\.md$/, title: '劳模', schema: workerSchema(z.string()) },
} as const;
export type ContentName = keyof typeof CONTENT;
