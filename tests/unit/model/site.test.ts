import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPortalData, loadSite } from '../../../src/astro/site-cache.ts';
import { publish } from '../../../src/model/publish.ts';
import { checkYear, resultsOf, siteModel, viewOf } from '../../../src/model/site.ts';

/** The one gate and the site model every page, chart, feed and download reads. */
const DEMO = path.resolve(import.meta.dirname, '../../../examples/demo');
const demo = loadPortalData(DEMO);
const day = (d: string) => new Date(`${d}T00:00:00+08:00`);

describe('publish, the one gate', () => {
  const site = publish(demo, day('2025-01-01'));

  it('leaves out drafts and items dated after today, and nothing else', () => {
    const ids = site.content.news.map((n) => n.id);
    expect(ids).not.toContain('2024-11-01-draft');
    expect(ids).not.toContain('2099-01-01-scheduled');
    expect(ids).toHaveLength(demo.content.news.length - 2);
    expect(site.content.stories.some((s) => s.data.draft)).toBe(false);
    expect(site.content.notices).toEqual(demo.content.notices);
    // Every 公示 of the demo has begun by then: nothing of them is held back.
    expect(site.awards).toEqual(demo.awards);
    expect(site.publicity).toEqual(demo.publicity);
  });

  it('lists entries newest first, then by address', () => {
    const dates = site.content.news.map((n) => n.data.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('lets a scheduled item in from its own Beijing day', () => {
    expect(publish(demo, day('2099-01-01')).content.news.map((n) => n.id)).toContain('2099-01-01-scheduled');
  });

  it('leaves the data it was given as it was', () => {
    expect(demo.content.news.map((n) => n.id)).toContain('2024-11-01-draft');
  });
});

describe('the site model', () => {
  const site = siteModel(demo, day('2025-01-01'));

  it('has every campaign year’s view and results, the newest year being the current one', () => {
    expect(site.years).toEqual([2024, 2023]);
    expect(site.current).toBe(viewOf(site, 2024));
    expect(resultsOf(site, 2023).flatMap((r) => r.recipients).length).toBe(demo.awards.filter((a) => a.year === 2023 && !a.withdrawn).length);
    expect(() => viewOf(site, 2019)).toThrow('没有 2019 年度的竞赛');
  });

  it('names only published worker profiles', () => {
    expect(site.workerRefs.map((w) => w.id)).toEqual(site.content.workers.map((w) => w.id));
  });

  it('groups each enterprise’s rows once, in the table’s order', () => {
    const rows = site.enterpriseRows.energy.get('qinglan-lvye') ?? [];
    expect(rows.map((r) => r.year)).toEqual(demo.energy.filter((r) => r.enterprise === 'qinglan-lvye').map((r) => r.year));
  });

  it('refuses a chart year that is no campaign year, saying which are', () => {
    expect(checkYear(site, 2023, 'QuotaChart')).toBe(2023);
    expect(() => checkYear(site, 2019, 'QuotaChart')).toThrow('QuotaChart：year 应为竞赛年度之一（2024、2023）');
  });

  it('is built once per content root and moment', () => {
    expect(loadSite(DEMO, day('2025-01-01'))).toBe(loadSite(DEMO, new Date('2024-12-31T16:00:00Z')));
    expect(loadSite(DEMO, new Date('2025-01-01T12:00:00+08:00'))).not.toBe(loadSite(DEMO, day('2025-01-01')));
  });
});
