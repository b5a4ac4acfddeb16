import { z } from 'zod';

/**
 * A calendar day as editors type it, read by one rule for CSV cells and Markdown frontmatter alike.
 * Excel on Chinese Windows saves a typed date as 2019/4/30; editors also write 2019-4-30, 2019.4.30
 * and 2019年4月30日: each is read as 2019-04-30. A day that does not exist says why.
 */

/** Year, month and day, separated by - / . or written with 年 月 日 (the 日 itself is left to the caller). */
export const DAY_PARTS = String.raw`(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})`;
const TYPED_DAY = new RegExp(`^${DAY_PARTS}\\s*日?$`);

/** The one form pages and data keep. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A typed day in the form 2019-04-30; anything not recognisable as a day is given back unchanged. */
export function normaliseDay(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return value;
  const m = TYPED_DAY.exec(value.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Why a day in the form 2019-04-30 does not exist, or undefined when it does. */
export function impossibleDay(value: string): string | undefined {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12) return `这一天不存在：月份只能是 1–12，写的是 ${m}`;
  const days = daysIn(y, m);
  if (d < 1) return '这一天不存在：日期从 1 日起';
  if (d > days) return `这一天不存在：${m === 2 ? `${y} 年 ` : ''}${m} 月只有 ${days} 天`;
  return undefined;
}

export function isRealDate(value: string): boolean {
  return ISO_DAY.test(value) && impossibleDay(value) === undefined;
}

/** The zod type of a day, for a table's cell and a frontmatter field: "2019-04-30" once read. */
export const typedDay = (example: string) =>
  z.preprocess(
    normaliseDay,
    z
      .string({ error: `日期应写成“年-月-日”，例如 ${example}` })
      .regex(ISO_DAY, { error: `日期应写成“年-月-日”，例如 ${example}` })
      .superRefine((value, ctx) => {
        const why = impossibleDay(value);
        if (why) ctx.addIssue({ code: 'custom', message: why, input: value, params: { hint: `写成真实存在的一天，例如 ${example}；从 Excel 复制的日期请核对原表` } });
      }),
  );
