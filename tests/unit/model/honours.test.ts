import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPortalData } from '../../../src/astro/site-cache.ts';
import { honourCode } from '../../../src/model/honours.ts';
import { siteModel } from '../../../src/model/site.ts';

/** 荣誉查询: a record for every decided honour, and a code that stays the same from build to build. */
const demo = loadPortalData(path.resolve(import.meta.dirname, '../../../examples/demo'));

describe('honour records', () => {
  it('a code is 8 characters of Crockford base-32, derived from year, category and recipient alone', () => {
    const code = honourCode(2023, 'unit', 'qinglan-lvye');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(honourCode(2023, 'unit', 'qinglan-lvye')).toBe(code);
    expect(honourCode(2024, 'unit', 'qinglan-lvye')).not.toBe(code);
    // Stable across releases, since certificates are printed with it: the first 40 bits of
    // SHA-256("2023/unit/qinglan-lvye"), five bits a character. A change here breaks printed codes.
    expect(code).toBe('ZG574BT8');
  });

  it('exist only for what a published 表彰决定 made final, never during a 公示', () => {
    const before = siteModel(demo, new Date('2024-01-09T23:00:00+08:00'));
    expect(before.honours).toEqual([]);
    const after = siteModel(demo, new Date('2025-01-01T00:00:00+08:00'));
    expect(after.honours.map((h) => h.recipientId)).toHaveLength(9);
    expect(after.honours.map((h) => h.recipientId)).not.toContain('huaxin-boli');
    // 2024's 公示 is over but undecided: no records.
    expect(after.honours.every((h) => h.year === 2023)).toBe(true);
    expect(new Set(after.honours.map((h) => h.code)).size).toBe(9);
  });

  it('gives a person name, unit and post, and the city honour once its 公示 is over', () => {
    const site = siteModel(demo, new Date('2025-01-01T00:00:00+08:00'));
    const li = site.honours.find((h) => h.recipientId === 'li-xiulan')!;
    expect(li).toMatchObject({ name: '李秀兰', kind: 'worker', cityHonour: '示例市五一劳动奖章', decision: { documentNumber: '示工文〔2024〕1号', date: '2024-01-10' } });
    expect(li.post).toBe(site.content.workers.find((w) => w.id === 'li-xiulan')!.data.role);
    expect(li.code).toBe(honourCode(2023, 'individual', 'li-xiulan'));
    expect(site.honours.find((h) => h.recipientId === 'wang-jianguo')!.cityHonour).toBeUndefined();
  });
});
