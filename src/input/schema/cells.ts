import { z } from 'zod';
import { DOCUMENT_EXTENSIONS, extensionPattern } from '../files.ts';
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

export const text = (meta: CellMeta) => z.string().meta(meta);

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

/**
 * A calendar day, 2019-04-30. Excel on Chinese Windows saves a typed date as 2019/4/30: that, and
 * 2019-4-30 and 2019年4月30日, are read as 2019-04-30. A day that does not exist is an error.
 */
export const date = (meta: CellMeta) =>
  z
    .preprocess(
      excelForm(
        /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$/,
        (m) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`,
      ),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应写成“年-月-日”，例如 2019-04-30' })
        .refine(isRealDate, { error: '这一天不存在，请检查月份和日期' }),
    )
    .meta({ example: '2019-04-30', ...meta });

/**
 * A moment to the hour, Beijing time, as a 公示 gives its start and end: 2024-12-02 09:00. Excel
 * saves a typed date and time as 2024/12/2 9:00; that, 2024-12-2 9:00 and 2024年12月2日9时 are read
 * as 2024-12-02 09:00. Always Beijing time (UTC+8), whatever the machine that builds.
 */
export const hour = (meta: CellMeta) =>
  z
    .preprocess(
      excelForm(
        /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*日\s*|\s*T\s*|\s+)(\d{1,2})\s*(?:[:：]\s*(\d{2})|时|点)(?:\s*[:：]\s*00)?$/,
        (m) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')} ${m[4]!.padStart(2, '0')}:${m[5] ?? '00'}`,
      ),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/, { error: '时间应写成“年-月-日 时:分”（北京时间），例如 2024-12-02 09:00' })
        .refine((v) => isRealDate(v.slice(0, 10)), { error: '这一天不存在，请检查月份和日期' }),
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
    .regex(DOCUMENT_LINK, {
      error: `应为以 http:// 或 https:// 开头的网址，或 files/ 下的文件名（${DOCUMENT_EXTENSIONS.join('、')}）`,
    })
    .meta(meta);

/** Several values in one cell, separated by the Chinese enumeration comma “、”. */
export const list = (meta: CellMeta) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split('、').map((s) => s.trim()).filter(Boolean) : v),
    z.array(z.string()).min(1),
  ).meta(meta);

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, meta: CellMeta) =>
  z.enum(values, { error: `只能填写以下之一：${values.join('、')}` }).meta(meta);

export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
