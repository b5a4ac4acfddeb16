import { z } from 'zod';
import { DOCUMENT_EXTENSIONS, extensionPattern, suggestedName } from '../files.ts';
import { visible } from '../invisible.ts';
import { DAY_PARTS, impossibleDay, typedDay } from './day.ts';
import { ABSOLUTE_URL, ID_ERROR, ID_PATTERN } from './patterns.ts';

/**
 * Cell types for editors' CSV tables. An empty cell arrives here as `undefined` (see table.ts), so
 * "required" means "not left empty"; numbers are converted only when the whole cell is a number,
 * never by coercion, so an empty or misspelt cell is an error instead of a silent 0.
 */

// Editors read zod's own messages (for the few checks without a message of ours) in Chinese,
// in `npm run validate` as in the build.
z.config(z.locales.zhCN());

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** Excel's thousands separators: a comma before every group of exactly three digits (1,234,567.5). */
const GROUPED = /^[+-]?[1-9]\d{0,2}([,，]\d{3})+(\.\d+)?$/;
/**
 * A comma anywhere else is a decimal comma ("0,9", "12,5") or a typo: never read as a number,
 * since stripping it would turn 0,9 into 9.
 */
export const DECIMAL_COMMA = /^[+-]?\d+([,，]\d+)+$/;

function toNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const plain = GROUPED.test(value) ? value.replace(/[,，]/g, '') : value;
  return NUMBER.test(plain) ? Number(plain) : value;
}

export type CellMeta = {
  /** Chinese name of the column, shown in errors and in the open-data description. */
  title: string;
  description?: string;
  /** A correct value, shown in the hint of an error about this column. */
  example?: string;
};

/** Text, with no invisible character (invisible.ts): the CMS refuses one as it is typed. */
export const text = (meta: CellMeta) => visible(z.string()).meta(meta);

export const id = (meta: CellMeta) =>
  z
    .string()
    .regex(ID_PATTERN, { error: `${ID_ERROR}，例如 qinyang 或 zhonglv-zhongzhou` })
    .meta(meta);

export const integer = ({ min = 0, ...meta }: CellMeta & { min?: number }) =>
  z.preprocess(toNumber, z.number().int({ error: '应为整数' }).min(min)).meta(meta);

export const decimal = (meta: CellMeta) => z.preprocess(toNumber, z.number()).meta(meta);

export const year = (meta: CellMeta = { title: '年度', example: '2019' }) =>
  z.preprocess(toNumber, z.number().int({ error: '年度应为四位整数' }).min(2000).max(2100)).meta(meta);

/**
 * A month such as 2019-04, for deadlines the notice gives as "4月底前". Excel turns a typed 2019-04
 * into a date and saves it as it shows it (2019年4月 on Chinese Windows, or 2019/4): both are read
 * as 2019-04.
 */
export const month = (meta: CellMeta) =>
  z
    .preprocess(
      excelForm(/^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/, (m) => `${m[1]}-${m[2]!.padStart(2, '0')}`),
      z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份应写成“年-月”，例如 2019-04' }),
    )
    .meta({ example: '2019-04', ...meta });

/** A calendar day, 2019-04-30, as Excel saves it or an editor types it (day.ts). */
export const date = (meta: CellMeta) => typedDay('2019-04-30').meta({ example: '2019-04-30', ...meta });

/**
 * A moment to the hour, Beijing time, as a 公示 gives its start and end: 2024-12-02 09:00. Excel
 * saves a typed date and time as 2024/12/2 9:00; that, 2024-12-2 9:00 and 2024年12月2日9时 are read
 * as 2024-12-02 09:00. Always Beijing time (UTC+8), whatever the machine that builds.
 */
export const hour = (meta: CellMeta) =>
  z
    .preprocess(
      excelForm(
        new RegExp(String.raw`^${DAY_PARTS}(?:\s*日\s*|\s*T\s*|\s+)(\d{1,2})\s*(?:[:：]\s*(\d{2})|时|点)(?:\s*[:：]\s*00)?$`),
        (m) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')} ${m[4]!.padStart(2, '0')}:${m[5] ?? '00'}`,
      ),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/, { error: '时间应写成“年-月-日 时:分”（北京时间），例如 2024-12-02 09:00' })
        .superRefine((value, ctx) => {
          // The day by the rule every date cell follows (day.ts), so an impossible one says why.
          const why = impossibleDay(value.slice(0, 10));
          if (why) ctx.addIssue({ code: 'custom', message: why, input: value });
        }),
    )
    .meta({ example: '2024-12-02 09:00', ...meta });

/**
 * An office telephone: a landline with its area code (0391-3568011) or a public service number
 * (12351, the unions' hotline). A mobile number is personal and never published (privacy.ts).
 */
export const phone = (meta: CellMeta) =>
  z
    .string()
    .regex(/^(0\d{2,3}-?[2-9]\d{6,7}(-\d{1,5})?|1\d{4})$/, { error: '应为办公电话：带区号的座机（如 0391-3568011）或 12351 这样的公共服务号码；不得填写手机号码' })
    .meta({ example: '0391-3568011', ...meta });

function excelForm(pattern: RegExp, iso: (m: RegExpExecArray) => string) {
  return (value: unknown) => {
    if (typeof value !== 'string') return value;
    const m = pattern.exec(value);
    return m ? iso(m) : value;
  };
}

export const email = (meta: CellMeta) => z.email({ error: '电子邮箱格式不正确' }).meta(meta);

/**
 * A document: a web address, or a file name under the content root's files/ folder, of a kind
 * files/ may hold; no part of the name starts with "." (no "../", no hidden file). The web address
 * is recognised by the same test as everywhere (src/model/urls.ts), less its "^".
 */
const DOCUMENT_LINK = new RegExp(`^(${ABSOLUTE_URL.source.slice(1)}\\S+|(?!(.*/)?\\.)[\\w\\-.\\u4e00-\\u9fff]+(/[\\w\\-.\\u4e00-\\u9fff]+)*\\.(${extensionPattern()}))$`);

export const link = (meta: CellMeta) =>
  z
    .string()
    .regex(DOCUMENT_LINK, { error: (issue) => linkError(String(issue.input)) })
    .meta(meta);

/** What is wrong with a document's name as typed, and what to write instead when it can be said. */
function linkError(value: string): string {
  const general = `应为以 http:// 或 https:// 开头的网址，或 files/ 下的文件名（${DOCUMENT_EXTENSIONS.join('、')}）`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('.') || value.includes('/.')) return general;
  const parts = value.split('/');
  const fixed = [...parts.slice(0, -1).map(suggestedName), suggestedName(parts[parts.length - 1]!)].join('/');
  const extension = (/\.([^./]+)$/.exec(value)?.[1] ?? '').toLowerCase();
  if (!extension) return general;
  if (!DOCUMENT_EXTENSIONS.includes(extension)) {
    return `网站不发布 .${extension} 文件：${general}；Word、Excel、WPS 文档请另存为 PDF，这里写 PDF 的文件名`;
  }
  if (/\s/.test(value)) return `文件名里有空格：把文件改名为“${fixed}”，这里也写“${fixed}”`;
  if (fixed !== value && fixed.toLowerCase() === value.toLowerCase()) return `扩展名要小写：把文件改名为“${fixed}”，这里也写“${fixed}”`;
  if (fixed !== value) return `文件名里有链接里不能用的字符：把文件改名为“${fixed}”，这里也写“${fixed}”`;
  return general;
}

/** Several values in one cell, separated by the Chinese enumeration comma “、”. */
export const list = (meta: CellMeta) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split('、').map((s) => s.trim()).filter(Boolean) : v),
    z.array(z.string()).min(1),
  ).meta(meta);

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, meta: CellMeta & { labels?: Record<T[number], string> }) => {
  // A code's meaning ("county：县市区") is said once: in the column's description, the error and the CMS's list.
  const { labels, ...rest } = meta;
  const named = values.map((v) => (labels ? `${v}（${labels[v as T[number]]}）` : v));
  const description = rest.description ?? (labels ? named.join('；') : undefined);
  return z.enum(values, { error: `只能填写以下之一：${named.join('、')}` }).meta({ ...rest, ...(description ? { description } : {}), ...(labels ? { labels } : {}) });
};
