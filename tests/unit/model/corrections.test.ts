import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPortalData } from '../../../src/astro/site-cache.ts';
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

  it('refuses a year that has no campaign, located', () => {
    expect(readPortalData(fixtureRoot('correction-unknown-year')).problems).toEqual([
      expect.objectContaining({ file: 'data/corrections.csv', line: 2, field: 'year（年度）', message: '年度 2018 没有对应的竞赛' }),
    ]);
  });
});
