import { describe, expect, it } from 'vitest';
import { formatDate, formatMonthDeadline, formatNumber } from '../../../src/model/format.ts';
import { currentYear, yearView, zoneName } from '../../../src/model/campaign.ts';
import { enterpriseRows, enterpriseYears } from '../../../src/model/enterprise.ts';
import { urls } from '../../../src/model/urls.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

describe('yearView', () => {
  const { data } = readPortalData(diskRoot(fixtureRoot('good')));

  it('computes totals from the rows', () => {
    const view = yearView(data, 2019);
    expect(view.totals).toMatchObject({
      countyQuota: 3,
      industryQuota: 1,
      zoneQuota: 4,
      cityEnterprises: 2,
      all: 6,
      named: 4,
      zonesPending: 1, // beta has a quota and no enterprise yet
      awardCap: 4,
      nominationCap: 3,
    });
    expect(view.zones.find((z) => z.id === 'alpha')?.enterprises.map((e) => e.id)).toEqual(['a-one', 'a-two']);
    expect(view.cityEnterprises.map((e) => e.id)).toEqual(['c-one', 'c-two']);
  });

  it('takes the latest campaign as the current year', () => {
    expect(currentYear({ campaigns: [{ year: 2019 }, { year: 2021 }, { year: 2020 }] as never })).toBe(2021);
  });

  it('names the city-level group 市直', () => {
    expect(zoneName(data, 'city')).toBe('市直');
    expect(zoneName(data, 'alpha')).toBe('甲县');
  });
});

describe('enterpriseYears', () => {
  const { data } = readPortalData(diskRoot(fixtureRoot('good')));

  it('gives each year its figures and whether energy use is within the industry average', () => {
    expect(enterpriseYears(enterpriseRows(data), 'a-one')).toEqual([
      expect.objectContaining({ year: 2019, energy: [expect.objectContaining({ value: 95.5, industry_average: 100, withinAverage: true })], emissions: [expect.objectContaining({ pollutant: '二氧化硫', value: 12.5 })] }),
    ]);
    expect(enterpriseYears(enterpriseRows(data), 'c-one')[0]?.energy[0]?.withinAverage).toBe(false);
  });

  it('links documents: web addresses as they are, file names under /files/', () => {
    expect(urls.document('https://example.org/a.pdf')).toBe('https://example.org/a.pdf');
    expect(urls.document('plan.pdf')).toBe('/files/plan.pdf');
  });
});

describe('the real 2019 campaign in data/', () => {
  const { data, problems } = readPortalData(diskRoot('.'));

  it('passes every check', () => {
    expect(problems).toEqual([]);
  });

  it('reconciles the attachment: zone quotas plus the 13 city-level enterprises make the 80 of the notice', () => {
    const view = yearView(data, 2019);
    expect(view.zones).toHaveLength(13);
    expect(view.totals.zoneQuota).toBe(67);
    expect(view.totals.cityEnterprises).toBe(13);
    expect(view.totals.all).toBe(view.campaign.planned_enterprises);
    expect(view.campaign.planned_enterprises).toBe(80);
  });

  it('publishes no invented winners, workers, stories, news or figures', () => {
    expect(data.awards).toEqual([]);
    expect(data.nominations).toEqual([]);
    expect(data.energy).toEqual([]);
    expect(data.emissions).toEqual([]);
    expect(data.content.workers).toEqual([]);
    expect(data.content.stories).toEqual([]);
    expect(data.content.news).toEqual([]);
  });

  it('holds the award scheme of the notice', () => {
    const view = yearView(data, 2019);
    expect(view.awards.map((a) => [a.cap, a.nomination_cap, a.honour])).toEqual([
      [20, 3, '焦作市五一劳动奖状'],
      [30, 5, '焦作市工人先锋号'],
      [30, 5, '焦作市五一劳动奖章'],
    ]);
  });
});

describe('format', () => {
  it('writes figures and dates the Chinese way', () => {
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatDate('2019-04-30')).toBe('2019年4月30日');
    expect(formatMonthDeadline('2019-04')).toBe('2019年4月底前');
  });
});
