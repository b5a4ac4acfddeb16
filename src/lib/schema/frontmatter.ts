import { z } from 'zod';

/** Frontmatter of editors' Markdown files. Unknown fields are refused, like unknown CSV columns. */

const zhText = (title: string) => z.string().min(1, { error: `${title}不能为空` }).meta({ title });

export const noticeSchema = z.strictObject({
  year: z.number().int().meta({ title: '年度' }),
  documentNumber: zhText('发文字号').regex(/^.+〔\d{4}〕\d+号$/, { error: '发文字号应写成“焦工文〔2019〕27号”的样式，年份用六角括号〔〕' }),
  issuers: z.array(z.string().min(1)).min(1).meta({ title: '发文机关', description: '联合行文时按通知排列顺序逐个列出' }),
  title: zhText('标题'),
  addressees: zhText('主送机关'),
  attachments: z.array(z.string().min(1)).default([]).meta({ title: '附件名称' }),
  reportDeadline: zhText('报送期限').optional(),
  contact: z
    .strictObject({ department: zhText('联系部门'), email: z.email({ error: '电子邮箱格式不正确' }) })
    .optional()
    .meta({ title: '联系方式' }),
});

export type NoticeFrontmatter = z.infer<typeof noticeSchema>;
