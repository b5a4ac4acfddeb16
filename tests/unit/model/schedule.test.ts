import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPortalData } from '../../../src/astro/site-cache.ts';
import { deadlineStatus, lastDayOfMonth, sinceYearEnd, stepStatus, yearSchedule, STATUS_LABELS } from '../../../src/model/schedule.ts';
import { scheduleOf, siteModel } from '../../../src/model/site.ts';
import { yearView } from '../../../src/model/campaign.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readPortalData } from '../../../src/input/read.ts';

/** Deadlines and timeline steps as they stand on the build's Beijing day. */
const day = (d: string) => new Date(`${d}T00:00:00+08:00`);

describe('lastDayOfMonth', () => {
  it('gives the day a “月底前” deadline ends on, leap years included', () => {
    expect(lastDayOfMonth('2019-04')).toBe('2019-04-30');
    expect(lastDayOfMonth('2019-12')).toBe('2019-12-31');
    expect(lastDayOfMonth('2019-02')).toBe('2019-02-28');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
  });
});

describe('deadlineStatus', () => {
  it('is 即将开始 before the campaign starts, 进行中 up to the deadline day itself, 已截止 after it', () => {
    expect(deadlineStatus('2019-04-30', '2018-12-31', '2019-01-01')).toBe('upcoming');
    expect(deadlineStatus('2019-04-30', '2019-01-01', '2019-01-01')).toBe('current');
    expect(deadlineStatus('2019-04-30', '2019-04-30', '2019-01-01')).toBe('current');
    expect(deadlineStatus('2019-04-30', '2019-05-01', '2019-01-01')).toBe('past');
    expect(deadlineStatus('2019-04-30', '2026-03-01', '2019-01-01')).toBe('past');
  });

  it('has a label in words for each status', () => {
    expect(STATUS_LABELS).toEqual({ past: '已截止', current: '进行中', upcoming: '即将开始' });
  });
});

describe('stepStatus', () => {
  const step = (when: string, date?: string) => ({ year: 2019, when, ...(date && { date }) });

  it('reckons a dated step as a deadline within its year', () => {
    expect(stepStatus(step('2019年4月底前', '2019-04-30'), '2019-03-01')).toBe('current');
    expect(stepStatus(step('2019年4月底前', '2019-04-30'), '2019-05-01')).toBe('past');
    expect(stepStatus(step('2019年4月底前', '2019-04-30'), '2018-11-01')).toBe('upcoming');
  });

  it('gives 年初 and 年底 a status only when the whole year is before or behind today', () => {
    expect(stepStatus(step('年初'), '2018-12-31')).toBe('upcoming');
    expect(stepStatus(step('年初'), '2019-06-01')).toBeUndefined();
    expect(stepStatus(step('年底'), '2019-12-31')).toBeUndefined();
    expect(stepStatus(step('年底'), '2020-01-01')).toBe('past');
  });

  it('gives no status to a step the data gives no time for, or whose time may fall after the year', () => {
    expect(stepStatus(step('通知未载明具体时间'), '2026-01-01')).toBeUndefined();
    expect(stepStatus(step('次年一季度'), '2026-01-01')).toBeUndefined();
  });
});

describe('the real 2019 campaign', () => {
  const { data } = readPortalData(diskRoot('.'));
  const view = yearView(data, 2019);

  it('is all behind a reader in 2026, except the step the notice gives no time for', () => {
    const schedule = yearSchedule(view, '2026-03-01');
    expect(schedule.yearOver).toBe(true);
    expect(schedule.reportDeadline).toEqual({ text: '2019年4月底前', date: '2019-04-30', status: 'past' });
    expect(schedule.steps.map((s) => [s.when, s.status])).toEqual([
      ['年初', 'past'],
      ['2019年4月底前', 'past'],
      ['年底', 'past'],
      ['通知未载明具体时间', undefined],
    ]);
  });

  it('had its report deadline open in April 2019, and the steps words as the notice words them', () => {
    const schedule = yearSchedule(view, '2019-04-15');
    expect(schedule.yearOver).toBe(false);
    expect(schedule.reportDeadline.status).toBe('current');
    expect(schedule.steps.map((s) => s.when)).toEqual(view.timeline.map((t) => t.when));
    expect(schedule.steps.map((s) => s.event)).toEqual(view.timeline.map((t) => t.event));
  });
});

describe('the site model’s schedules', () => {
  const demo = loadPortalData(path.resolve(import.meta.dirname, '../../../examples/demo'));

  it('reckons every year on the build’s Beijing day', () => {
    // 23:30 on 31 December in UTC is already 1 January in Beijing
    const site = siteModel(demo, new Date('2024-12-31T16:30:00Z'));
    expect(site.today).toBe('2025-01-01');
    expect(scheduleOf(site, 2024).yearOver).toBe(true);
    expect(scheduleOf(site, 2023).reportDeadline.status).toBe('past');
  });

  it('during the year: the report deadline open, and no word about the year being over', () => {
    const site = siteModel(demo, day('2024-03-15'));
    expect(scheduleOf(site, 2024).reportDeadline.status).toBe('current');
    expect(site.afterCurrentYear).toBeUndefined();
  });

  it('after the year: what was published since, and whether the year’s results are on the site', () => {
    const site = siteModel(demo, day('2025-01-01'));
    expect(site.afterCurrentYear).toEqual({ fromText: '2025年1月1日', news: 0, stories: 0, resultsPublished: false });
    // a scheduled item counts from its own day, not before
    expect(siteModel(demo, day('2099-01-01')).afterCurrentYear?.news).toBe(1);
  });

  it('counts entries dated after the year’s last day only', () => {
    const entry = (date: string) => ({ data: { date } });
    expect(sinceYearEnd(2019, { news: [entry('2019-12-31'), entry('2020-01-01'), entry('2021-05-05')], stories: [entry('2019-06-01')] }, true)).toEqual({
      fromText: '2020年1月1日',
      news: 2,
      stories: 0,
      resultsPublished: true,
    });
  });
});
