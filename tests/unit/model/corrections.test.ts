import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPortalData } from '../../../src/astro/site-cache.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { correctionsOf, tablePage } from '../../../src/model/corrections.ts';
import { siteModel } from '../../../src/model/site.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

/** 更正记录: from a page's frontmatter and from data/corrections.csv, each shown where it belongs. */
const demo = loadPortalData(path.resolve(import.meta.dirname, '../../../examples/demo'));
const at = (day: string) => siteModel(demo, new Date(`${day}T00:00:00+08:00`));

describe('corrections', () => {
  it('lists every correction newest first, each on the page that shows what was corrected', () => {
    expect(at('2025-01-01').correctionLog.map((c) => [c.date, c.href])).toEqual([
      ['2024-05-20', '/leaderboard/'],
      ['2024-03-05', '/notices/shigongwen-2024-3/'],
      ['2024-03-05', '/participate/'],
      ['2024-01-12', '/archive/2023/'],
      ['2023-06-12', '/news/2023-06-10-news-3/'],
    ]);
  });

  it('a correction of an earlier year’s results is shown on that year’s archive page, of the current year’s on /results/', () => {
    const log = at('2024-01-12').correctionLog;
    expect(correctionsOf(log, '/archive/2023/').updated).toBe('2024-01-12');
    expect(tablePage({ table: 'awards.csv', year: 2024 }, 2024).href).toBe('/results/');
    expect(tablePage({ table: 'publicity.csv', year: undefined }, 2024).href).toBe('/results/');
    expect(tablePage({ table: 'energy.csv', year: 2024 }, 2024).href).toBe('/leaderboard/');
    expect(tablePage({ table: 'zones.csv', year: 2023 }, 2024).href).toBe('/archive/2023/');
  });

  it('a correction of the schedule or report deadline is shown on /participate/, with its 更新日期', () => {
    expect(tablePage({ table: 'timeline.csv', year: 2024 }, 2024).href).toBe('/participate/');
    expect(tablePage({ table: 'campaigns.csv', year: undefined }, 2024).href).toBe('/participate/');
    const { list, updated } = correctionsOf(at('2025-01-01').correctionLog, '/participate/');
    expect(updated).toBe('2024-03-05');
    expect(list.map((c) => c.note)).toEqual([expect.stringContaining('报送竞赛方案和参赛企业名单')]);
  });

  it('a correction of a row about one enterprise is also shown on that enterprise’s page, and listed once site-wide', () => {
    const log = at('2025-01-01').correctionLog;
    const { list, updated } = correctionsOf(log, '/enterprises/qinglan-lvye/');
    expect(updated).toBe('2024-05-20');
    expect(list.map((c) => c.href)).toEqual(['/leaderboard/']);
    expect(correctionsOf(log, '/leaderboard/').list).toEqual(list);
    expect(correctionsOf(log, '/enterprises/hongyuan-huagong/').list).toEqual([]);
    expect(log.filter((c) => c.note.includes('吨铝综合交流电耗'))).toHaveLength(1);
  });

  it('a notice’s own corrections (its frontmatter) are shown on the notice page', () => {
    const { list, updated } = correctionsOf(at('2025-01-01').correctionLog, '/notices/shigongwen-2024-3/');
    expect(updated).toBe('2024-03-05');
    expect(list.map((c) => [c.title, c.note])).toEqual([['关于开展2024年度“三比两降”节能减排劳动竞赛的通知（示例）', expect.stringContaining('报送期限原误写为')]]);
    expect(correctionsOf(at('2025-01-01').correctionLog, '/notices/shigongwen-2023-5/').list).toEqual([]);
  });

  it('waits for its date, like a scheduled item, and leaves the open data until then', () => {
    const before = at('2024-01-11');
    expect(before.correctionLog.map((c) => c.date)).toEqual(['2023-06-12']);
    expect(before.corrections).toEqual([]);
  });

  it('gives a page its 更新日期, the latest of its corrections', () => {
    const { list, updated } = correctionsOf(at('2025-01-01').correctionLog, '/news/2023-06-10-news-3/');
    expect(updated).toBe('2023-06-12');
    expect(list[0]!.note).toContain('更正为 2023-06-10');
  });

  it('refuses an enterprise that is not registered, located', () => {
    expect(readPortalData(diskRoot(fixtureRoot('correction-unknown-enterprise'))).problems).toEqual([
      expect.objectContaining({ file: 'data/corrections.csv', line: 2, field: 'enterprise（企业编号）', message: '企业编号“no-such”在 enterprises.csv 中不存在' }),
    ]);
  });

  it('refuses a year that has no campaign, located', () => {
    expect(readPortalData(diskRoot(fixtureRoot('correction-unknown-year'))).problems).toEqual([
      expect.objectContaining({ file: 'data/corrections.csv', line: 2, field: 'year（年度）', message: '年度 2018 没有对应的竞赛' }),
    ]);
  });
});
