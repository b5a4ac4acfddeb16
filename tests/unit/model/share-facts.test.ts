import { describe, expect, it } from 'vitest';
import { enterpriseFact, leaderboardFact, quotaFact, resultsFact } from '../../../src/model/share-facts.ts';
import type { CategoryResult } from '../../../src/model/results.ts';
import type { EnterpriseYear } from '../../../src/model/enterprise.ts';

const totals = { countyQuota: 30, industryQuota: 12, zoneQuota: 42, cityEnterprises: 13, all: 55, named: 40, zonesPending: 2, awardCap: 20, nominationCap: 5 };
const category = (recipients: number) => ({ category: {}, recipients: Array.from({ length: recipients }, () => ({})) }) as unknown as CategoryResult;
const year = (y: number, energy: Partial<EnterpriseYear['energy'][number]>[] = []) => ({ year: y, energy, emissions: [] }) as unknown as EnterpriseYear;

describe('the share picture’s key figure', () => {
  it('gives the quota of each kind of zone and their total', () => {
    expect(quotaFact({ year: 2019, totals })).toBe('2019年参赛企业共55家：县市区赛区30家、产业赛区12家、市直13家');
  });

  it('counts those commended, only once the results are announced', () => {
    expect(resultsFact(2024, [category(3), category(0), category(1_200)], true)).toBe('2024年共表彰1,203个单位、集体和个人（2类）');
    expect(resultsFact(2024, [category(3)], false)).toBeUndefined();
    expect(resultsFact(2024, [category(0)], true)).toBeUndefined();
  });

  it('gives an enterprise’s latest energy figure against the average, else its years', () => {
    const energy = { indicator: '吨铝综合交流电耗', value: 13150, unit: 'kWh/t', industry_average: 13300 };
    expect(enterpriseFact([year(2024), year(2023, [energy])])).toBe('2023年吨铝综合交流电耗13,150 kWh/t，全市同行业平均13,300');
    expect(enterpriseFact([year(2024), year(2023)])).toBe('参赛年度：2024年、2023年');
    expect(enterpriseFact([])).toBeUndefined();
  });

  it('counts the ranked enterprises and their sectors', () => {
    expect(leaderboardFact(2024, ['冶金建材', '化工'], 9)).toBe('2024年9家企业参与排行，2个行业');
    expect(leaderboardFact(2019, [], 0)).toBeUndefined();
  });
});
