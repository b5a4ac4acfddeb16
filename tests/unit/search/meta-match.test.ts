import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { comparable } from '../../../src/search/shared/fold.ts';
import { ORIGINALS_META } from '../../../src/search/shared/ngrams.ts';
import { indexAndOpen } from '../../support/search-site.ts';
import { writeTree } from '../../support/tree.ts';

const html = (title: string, lines: string[]) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1>${lines.map((l) => `<p>${l}</p>`).join('')}</main></body></html>`;

/**
 * The table of the demo's 青岚铝业 pages. Its "W" (kWh: folded to w) and its ASCII commas are kept
 * as notes of the page's own characters, in the meta field, which reads "…W15W30,7,…": the two
 * "W" are 15 positions apart. The page has 1 and 5, but nowhere "15".
 */
const TABLE = ['年度', '本企业（kWh/t）', '全市同行业平均（kWh/t）', '2023年', '13,400', '13,500', '2024年', '12,596', '13,230'];

describe('a match only in a meta field', () => {
  const dir = writeTree(
    {
      'enterprises/qinglan/index.html': html('青岚铝业', TABLE),
      'news/a/index.html': html('节能宣传周', ['3月15日起，全市开展节能宣传周活动。']),
    },
    'portal-meta-match-',
  );
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is no match: “１５” and “15” find the page that says 15, not the page whose notes hold 15', async () => {
    const { pagefind, engine } = await indexAndOpen(dir);

    // The premise: the table page has no "15", its notes do, and Pagefind finds the phrase there.
    expect(comparable(TABLE.join('\n'))).not.toContain('15');
    const raw = await pagefind.search('"15"');
    const table = await Promise.all((raw?.results ?? []).map(async (r: { words: number[]; data(): Promise<{ url: string; meta: Record<string, string> }> }) => ({ words: r.words, ...(await r.data()) })));
    const inMeta = table.find((r) => r.url === '/enterprises/qinglan/');
    expect(inMeta?.meta[ORIGINALS_META]).toMatch(/W15W/);
    expect(inMeta?.words).toEqual([]);

    for (const q of ['１５', '15']) {
      const outcome = await engine.search(q);
      const views = await engine.view(outcome, 0, 10);
      expect(views.map((v) => v.url), q).toEqual(['/news/a/']);
      expect(views.every((v) => v.verified)).toBe(true);
    }
    // The table page is still found by what it says.
    expect((await engine.view(await engine.search('13,５00'), 0, 10)).map((v) => v.url)).toEqual(['/enterprises/qinglan/']);
    await pagefind.destroy();
  });
});
