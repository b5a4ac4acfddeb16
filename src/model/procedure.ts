import type { ContentEntry } from '../input/markdown.ts';
import type { DecisionFrontmatter } from '../input/schema/frontmatter.ts';
import type { Row } from '../input/schema/tables.ts';
import type { Tables } from '../input/types.ts';
import { beijingDate, beijingMoment } from './publish.ts';

/**
 * The procedure a union publishes honours by, as it stands at one moment: each 公示 that has begun
 * (the gate in publish.ts leaves out the others), open or closed, and the 表彰决定 that follows it.
 * Pure: the build reckons it at its own "now"; the browser script (src/browser/publicity-status.ts)
 * reckons the same status again from the same boundaries when the page is read later.
 */

export type PublicityStatus = 'open' | 'closed' | 'decided';

export interface DecisionRef {
  id: string;
  documentNumber: string;
  title: string;
  /** Beijing date it was issued, YYYY-MM-DD. */
  date: string;
  issuers: readonly string[];
  publicity: readonly string[];
}

export interface PublicityView {
  row: Row<'publicity'>;
  start: Date;
  end: Date;
  status: PublicityStatus;
  /** The 表彰决定 that made it final (award stage, published, and dated on or before today). */
  decision?: DecisionRef;
}

/** The status of a 公示 at `now`: open until its closing hour, then closed until a decision follows. */
export function publicityStatus(end: Date, decided: boolean, now: Date): PublicityStatus {
  if (decided) return 'decided';
  return now.getTime() < end.getTime() ? 'open' : 'closed';
}

/**
 * Whole Beijing calendar days from `now` to the closing day: 3 on 12-03 for a 公示 closing 12-06
 * 18:00, 0 on the closing day itself. The same sum in the build and in the reader's browser.
 */
export function daysLeft(end: Date, now: Date): number {
  const day = (d: Date) => Date.parse(`${beijingDate(d)}T00:00:00Z`);
  return Math.max(0, Math.round((day(end) - day(now)) / 86_400_000));
}

/** "2024年12月6日18时", as union notices give a closing hour. */
export function hourText(text: string): string {
  const [y, m, d, h, min] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return `${y}年${m}月${d}日${h}时${min ? `${min}分` : ''}`;
}

/** What the build writes, and what the script writes again when the page is read after a boundary. */
export function remainingText(end: Date, endText: string, now: Date): string {
  if (now.getTime() >= end.getTime()) return `公示已于${hourText(endText)}期满`;
  const n = daysLeft(end, now);
  return n === 0 ? `今天${hourText(endText).replace(/^.*日/, '')}截止` : `距截止还有 ${n} 天（${hourText(endText)}截止）`;
}

export const STATUS_TEXT: Record<PublicityStatus, string> = {
  open: '公示中',
  closed: '公示期满，待表彰决定',
  decided: '已作出表彰决定',
};

export function decisionRefs(decisions: readonly ContentEntry<DecisionFrontmatter>[]): DecisionRef[] {
  return decisions.map((d) => ({ id: d.id, documentNumber: d.data.documentNumber, title: d.data.title, date: d.data.date, issuers: d.data.issuers, publicity: d.data.publicity }));
}

/** A year's 公示 that have begun, in the order of the editors' table, each with its status at `now`. */
export function yearPublicity(tables: Pick<Tables, 'publicity'>, decisions: readonly DecisionRef[], year: number, now: Date): PublicityView[] {
  return tables.publicity
    .filter((p) => p.year === year)
    .map((row) => {
      const decision = row.stage === 'award' ? decisions.find((d) => d.publicity.includes(row.id)) : undefined;
      const end = beijingMoment(row.end);
      return { row, start: beijingMoment(row.start), end, status: publicityStatus(end, decision !== undefined, now), ...(decision && { decision }) };
    });
}

/** A moment as Beijing readers write it: 2024年12月3日10时05分. */
export function formatBeijing(moment: Date): string {
  const t = new Date(moment.getTime() + 8 * 3_600_000).toISOString();
  return `${hourText(`${t.slice(0, 10)} ${t.slice(11, 16)}`)}`;
}
