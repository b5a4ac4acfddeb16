import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPortalData } from '../../../src/astro/site-cache.ts';
import { daysLeft, remainingText } from '../../../src/model/procedure.ts';
import { publicityOf, resultsOf, siteModel } from '../../../src/model/site.ts';

/**
 * What readers see of the demo's award procedure at each boundary, to the hour in Beijing time,
 * reckoned on a machine in another time zone (the build servers' zone must not matter).
 */
const DEMO = path.resolve(import.meta.dirname, '../../../examples/demo');
const demo = loadPortalData(DEMO);
const at = (beijing: string) => siteModel(demo, new Date(`${beijing}:00+08:00`));
const statusOf = (beijing: string, year: number, id: string) => publicityOf(at(beijing), year).find((l) => l.view.row.id === id)?.view.status;
const finalIds = (beijing: string, year: number) => resultsOf(at(beijing), year).flatMap((r) => r.recipients.map((x) => x.id));

let zone: string | undefined;
beforeAll(() => {
  zone = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('the 公示 to the hour, Beijing time, built in New York', () => {
  it('runs in another time zone', () => {
    expect(new Date('2024-12-02T00:00:00Z').getTimezoneOffset()).toBe(300);
  });

  it('before its starting hour: nothing of it anywhere, not even in the tables published', () => {
    const site = at('2024-12-02T08:59');
    expect(publicityOf(site, 2024)).toEqual([]);
    expect(site.awards.filter((a) => a.year === 2024)).toEqual([]);
    expect(site.publicity.map((p) => p.id)).not.toContain('2024-award');
  });

  it('from its starting hour to its closing hour: 公示中, with the days left', () => {
    expect(statusOf('2024-12-02T09:00', 2024, '2024-award')).toBe('open');
    const lists = publicityOf(at('2024-12-02T09:00'), 2024);
    expect(lists[0]!.categories.flatMap((c) => c.listed.map((r) => r.id))).toEqual(['qinglan-lvye', 'mingshan-dianli', 'lvye-zhiye', 'yuntong-xinnengyuan', 'hongyuan-fanying', 'zhao-haifeng', 'zhang-mingyuan']);
    expect(statusOf('2024-12-06T17:59', 2024, '2024-award')).toBe('open');
    // Not final while it runs: no list of honours, no chart.
    expect(finalIds('2024-12-06T17:59', 2024)).toEqual([]);
  });

  it('from its closing hour: 公示期满, awaiting the decision', () => {
    expect(statusOf('2024-12-06T18:00', 2024, '2024-award')).toBe('closed');
    expect(finalIds('2024-12-06T18:00', 2024)).toEqual([]);
  });

  it('counts the days left in Beijing calendar days, and says so in words', () => {
    const end = new Date('2024-12-06T18:00:00+08:00');
    // 23:30 on the 2nd in Beijing is still the 2nd there (it is 10:30 in New York).
    expect(daysLeft(end, new Date('2024-12-02T23:30:00+08:00'))).toBe(4);
    expect(daysLeft(end, new Date('2024-12-03T00:00:00+08:00'))).toBe(3);
    expect(remainingText(end, '2024-12-06 18:00', new Date('2024-12-03T10:00:00+08:00'))).toBe('距截止还有 3 天（2024年12月6日18时截止）');
    expect(remainingText(end, '2024-12-06 18:00', new Date('2024-12-06T09:00:00+08:00'))).toBe('今天18时截止');
    expect(remainingText(end, '2024-12-06 18:00', new Date('2024-12-06T18:00:00+08:00'))).toBe('公示已于2024年12月6日18时期满');
  });
});

describe('the 表彰决定 and withdrawals', () => {
  it('the day before the decision: the 公示 is over, nothing is final', () => {
    expect(statusOf('2024-01-09T23:59', 2023, '2023-award')).toBe('closed');
    expect(finalIds('2024-01-09T23:59', 2023)).toEqual([]);
  });

  it('from the decision’s day: the final list, less the recipient withdrawn after objections', () => {
    expect(statusOf('2024-01-10T00:00', 2023, '2023-award')).toBe('decided');
    const ids = finalIds('2024-01-10T00:00', 2023);
    expect(ids).toHaveLength(9);
    expect(ids).not.toContain('huaxin-boli');
    const decision = publicityOf(at('2024-01-10T00:00'), 2023)[0]!.view.decision;
    expect(decision).toMatchObject({ id: 'shigongwen-2024-1', documentNumber: '示工文〔2024〕1号', date: '2024-01-10' });
  });

  it('keeps the 公示 on record as it was published, the withdrawn recipient marked with the reason', () => {
    const units = publicityOf(at('2025-01-01T00:00'), 2023)[0]!.categories.find((c) => c.category.id === 'unit')!;
    expect(units.listed.map((r) => [r.id, r.withdrawn ?? ''])).toEqual([
      ['qinglan-lvye', ''],
      ['taifeng-gangtie', ''],
      ['yuntong-gongjiao', ''],
      ['huaxin-boli', '经核实，该企业2023年内受到一次环境行政处罚，不符合评选条件（示例）'],
    ]);
  });

  it('marks a nomination only once its own 公示 is over', () => {
    const nominated = (beijing: string) => resultsOf(at(beijing), 2023).flatMap((r) => r.recipients.filter((x) => x.nominated).map((x) => x.id));
    expect(statusOf('2024-01-15T08:59', 2023, '2023-nomination')).toBeUndefined();
    expect(statusOf('2024-01-15T09:00', 2023, '2023-nomination')).toBe('open');
    expect(nominated('2024-01-19T17:59')).toEqual([]);
    expect(nominated('2024-01-19T18:00')).toEqual(['qinglan-lvye', 'qinglan-dianjie-er', 'li-xiulan']);
  });
});
