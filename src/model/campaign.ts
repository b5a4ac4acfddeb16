import type { Tables } from '../input/types.ts';
import { CITY_GROUP, ZONE_KINDS, type Row } from '../input/schema/tables.ts';

/**
 * What pages show, derived from validated, published rows only (see site.ts), so every figure on
 * a page is computed here and nowhere else.
 */
export type Enterprise = Row<'enterprises'>;

export interface ZoneView extends Row<'zones'> {
  kindLabel: string;
  /** Enterprises reported for this zone this year, in the order of the participation table. */
  enterprises: Enterprise[];
}

export interface YearView {
  year: number;
  campaign: Row<'campaigns'>;
  items: Row<'competitionItems'>[];
  awards: Row<'awardCategories'>[];
  timeline: Row<'timeline'>[];
  zones: ZoneView[];
  /** City-level (市直) participants: listed by name in the notice, not given a quota number. */
  cityEnterprises: Enterprise[];
  totals: {
    countyQuota: number;
    industryQuota: number;
    zoneQuota: number;
    cityEnterprises: number;
    /** zoneQuota + cityEnterprises, which the rules check against campaign.planned_enterprises */
    all: number;
    /** Enterprises named so far: city-level ones plus those reported by zones. */
    named: number;
    zonesPending: number;
    awardCap: number;
    nominationCap: number;
  };
}

export const CITY_GROUP_NAME = '市直';

export function campaignYears(tables: Pick<Tables, 'campaigns'>): number[] {
  return tables.campaigns.map((c) => c.year).sort((a, b) => b - a);
}

export function currentYear(tables: Pick<Tables, 'campaigns'>): number {
  const [latest] = campaignYears(tables);
  if (latest === undefined) throw new Error('data/campaigns.csv 中没有任何竞赛年度');
  return latest;
}

const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

export function yearView(tables: Tables, year: number): YearView {
  const campaign = tables.campaigns.find((c) => c.year === year);
  if (!campaign) throw new Error(`没有 ${year} 年度的竞赛`);
  const enterprises = new Map(tables.enterprises.map((e) => [e.id, e]));
  const participants = tables.participation
    .filter((p) => p.year === year)
    .map((p) => enterprises.get(p.enterprise))
    .filter((e) => e !== undefined);
  const zones: ZoneView[] = tables.zones
    .filter((z) => z.year === year)
    .map((z) => ({ ...z, kindLabel: ZONE_KINDS[z.kind], enterprises: participants.filter((e) => e.zone === z.id) }));
  const cityEnterprises = participants.filter((e) => e.zone === CITY_GROUP);
  const awards = tables.awardCategories.filter((a) => a.year === year);
  const quotaOf = (kind: keyof typeof ZONE_KINDS) => sum(zones.filter((z) => z.kind === kind).map((z) => z.quota));
  const zoneQuota = sum(zones.map((z) => z.quota));
  return {
    year,
    campaign,
    items: tables.competitionItems.filter((i) => i.year === year).sort(byOrder),
    awards,
    timeline: tables.timeline.filter((t) => t.year === year).sort(byOrder),
    zones,
    cityEnterprises,
    totals: {
      countyQuota: quotaOf('county'),
      industryQuota: quotaOf('industry'),
      zoneQuota,
      cityEnterprises: cityEnterprises.length,
      all: zoneQuota + cityEnterprises.length,
      named: participants.length,
      zonesPending: zones.filter((z) => z.quota > 0 && z.enterprises.length === 0).length,
      awardCap: sum(awards.map((a) => a.cap)),
      nominationCap: sum(awards.map((a) => a.nomination_cap)),
    },
  };
}

/** Where an enterprise competes, in words: its zone's name, or 市直. */
export function zoneName(tables: Pick<Tables, 'zones'>, zoneId: string): string {
  if (zoneId === CITY_GROUP) return CITY_GROUP_NAME;
  return tables.zones.find((z) => z.id === zoneId)?.name ?? zoneId;
}

/** Years an enterprise took part in, newest first. */
export function participationYears(tables: Pick<Tables, 'participation'>, enterpriseId: string): number[] {
  return tables.participation
    .filter((p) => p.enterprise === enterpriseId)
    .map((p) => p.year)
    .sort((a, b) => b - a);
}
