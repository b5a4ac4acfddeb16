import type { Row } from '../input/schema/tables.ts';
import type { YearView } from './campaign.ts';
import { formatDate, formatMonthDeadline } from './format.ts';

/**
 * Where a campaign's schedule stands on the build's Beijing day: each deadline and timeline step
 * 已截止, 进行中 or 即将开始, and whether the campaign year is over. Pure functions of the data and
 * the day, so a build pinned with PORTAL_NOW always says the same, and the daily rebuild keeps it
 * true. Nothing here reads or changes the notice's text: statuses go beside the data-driven views.
 */
export type Status = 'past' | 'current' | 'upcoming';

export const STATUS_LABELS: Record<Status, string> = { past: '已截止', current: '进行中', upcoming: '即将开始' };

export interface Step extends Row<'timeline'> {
  /** Absent when the data does not say when the step happens (e.g. “通知未载明具体时间”). */
  status?: Status;
}

export interface Deadline {
  /** As the notice words it: “2019年4月底前” */
  text: string;
  /** The last day it covers, YYYY-MM-DD */
  date: string;
  status: Status;
}

export interface Schedule {
  year: number;
  /** The Beijing day the statuses are reckoned on, YYYY-MM-DD, and in words. */
  today: string;
  todayText: string;
  /** The campaign's 竞赛方案和参赛企业名单 deadline (data/campaigns.csv report_deadline). */
  reportDeadline: Deadline;
  steps: Step[];
  /** Today is after 31 December of the campaign year. */
  yearOver: boolean;
}

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

/** "2019-04" → "2019-04-30": the last day of a month (the notice's “4月底前”). */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/**
 * Something to be done by `deadline` (inclusive) in a campaign that starts on `start`: 即将开始
 * before the start, 进行中 up to and including the deadline, 已截止 from the day after.
 * All three are YYYY-MM-DD Beijing dates, so comparing them as text compares the days.
 */
export function deadlineStatus(deadline: string, today: string, start: string): Status {
  if (today < start) return 'upcoming';
  if (today <= deadline) return 'current';
  return 'past';
}

/**
 * Timeline words that name a time inside the campaign year itself: the row's year says which
 * year, so once that year is over the step's time is over too. Other undated words (“次年一季度”,
 * “通知未载明具体时间”) may fall after the year: they get no status.
 */
const WITHIN_YEAR = new Set(['年初', '年底', '年内']);

/**
 * A timeline step's status: a dated step is a deadline within its campaign year; an undated step
 * worded as a time in that year is 即将开始 before the year and 已截止 after it, and has no status
 * during it (the data does not say which part of the year); any other undated step has none.
 */
export function stepStatus(step: Pick<Row<'timeline'>, 'year' | 'when' | 'date'>, today: string): Status | undefined {
  if (step.date) return deadlineStatus(step.date, today, yearStart(step.year));
  if (!WITHIN_YEAR.has(step.when.trim())) return undefined;
  if (today < yearStart(step.year)) return 'upcoming';
  if (today > yearEnd(step.year)) return 'past';
  return undefined;
}

/** A year's schedule as it stands on `today` (a Beijing date, YYYY-MM-DD). */
export function yearSchedule(view: Pick<YearView, 'year' | 'campaign' | 'timeline'>, today: string): Schedule {
  const { year, campaign } = view;
  const deadline = lastDayOfMonth(campaign.report_deadline);
  return {
    year,
    today,
    todayText: formatDate(today),
    reportDeadline: {
      text: formatMonthDeadline(campaign.report_deadline),
      date: deadline,
      status: deadlineStatus(deadline, today, yearStart(year)),
    },
    steps: view.timeline.map((t) => {
      const status = stepStatus(t, today);
      return status ? { ...t, status } : { ...t };
    }),
    yearOver: today > yearEnd(year),
  };
}

/** What the site has published since a campaign year ended, for a reader who comes after it. */
export interface SinceYearEnd {
  /** The first day after the year, in words: “2020年1月1日” */
  fromText: string;
  news: number;
  stories: number;
  /** Whether the year's award results are on this site (not whether they were announced elsewhere). */
  resultsPublished: boolean;
}

/**
 * Counts the published entries dated after the year's last day. Entries are those that passed the
 * gate (publish.ts): nothing scheduled for later than today is counted.
 */
export function sinceYearEnd(
  year: number,
  content: Record<'news' | 'stories', readonly { data: { date?: string } }[]>,
  resultsPublished: boolean,
): SinceYearEnd {
  const after = (entries: readonly { data: { date?: string } }[]) => entries.filter((e) => e.data.date !== undefined && e.data.date > yearEnd(year)).length;
  return {
    fromText: formatDate(yearStart(year + 1)),
    news: after(content.news),
    stories: after(content.stories),
    resultsPublished,
  };
}
