import type { Tables } from '../input/types.ts';
import { recipientResolver, type WorkerRef } from '../input/recipients.ts';
import { CITY_GROUP, ZONE_KINDS, type Row } from '../input/schema/tables.ts';
import { urls } from './urls.ts';
// Components that already import this module take their addresses through it: a new import of
// urls.ts there regroups the built pages' styles (see src/model/urls.ts).
export { urls, zoneAnchor } from './urls.ts';

export type { Tables } from '../input/types.ts';
export type { WorkerRef } from '../input/recipients.ts';

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

/** A document link from a table: a web address as it is, a file name as /files/<name>. */
export function documentHref(value: string): string {
  return urls.document(value);
}

export interface Recipient {
  id: string;
  /** Display name; a team is shown with its enterprise. */
  name: string;
  enterprise: Enterprise;
  zoneName: string;
  /** The recipient's own page, if it has one. */
  href?: string;
  nominated: boolean;
}

export interface CategoryResult {
  category: Row<'awardCategories'>;
  recipients: Recipient[];
}

/** The award results of a year, category by category, in the order of the editors' table. */
export function yearResults(tables: Tables, workers: readonly WorkerRef[], year: number): CategoryResult[] {
  const enterprises = new Map(tables.enterprises.map((e) => [e.id, e]));
  const resolve = recipientResolver(tables, workers);
  const nominated = new Set(tables.nominations.filter((n) => n.year === year).map((n) => `${n.category}/${n.recipient}`));
  return tables.awardCategories
    .filter((c) => c.year === year)
    .map((category) => ({
      category,
      recipients: tables.awards
        .filter((a) => a.year === year && a.category === category.id)
        .map((a): Recipient => {
          const kind = category.recipient_kind;
          const ref = resolve(kind, a.recipient);
          const enterprise = ref && enterprises.get(ref.enterpriseId);
          if (!ref || !enterprise) throw new Error(`data/awards.csv：${year} 年“${category.name}”的对象“${a.recipient}”找不到（可能是草稿）`);
          const href = kind === 'worker' ? urls.worker(a.recipient) : urls.enterprise(enterprise.id);
          return { id: a.recipient, name: ref.name, enterprise, href, zoneName: zoneName(tables, enterprise.zone), nominated: nominated.has(`${category.id}/${a.recipient}`) };
        }),
    }));
}

export interface EnergyFigure extends Row<'energy'> {
  /** Lower is better: the notice asks to stay within the city's industry average. */
  withinAverage: boolean;
}

export interface EnterpriseYear {
  year: number;
  plan?: string;
  summary?: string;
  energy: EnergyFigure[];
  emissions: Row<'emissions'>[];
}

/** Rows grouped by their enterprise, in the table's order. */
export function groupByEnterprise<R extends { enterprise: string }>(rows: readonly R[]): ReadonlyMap<string, readonly R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.enterprise);
    if (group) group.push(row);
    else groups.set(row.enterprise, [row]);
  }
  return groups;
}

/** The tables an enterprise page reads its own rows from, grouped once for all enterprises. */
export interface EnterpriseRows {
  participation: ReadonlyMap<string, readonly Row<'participation'>[]>;
  energy: ReadonlyMap<string, readonly Row<'energy'>[]>;
  emissions: ReadonlyMap<string, readonly Row<'emissions'>[]>;
}

export function enterpriseRows(tables: Pick<Tables, keyof EnterpriseRows>): EnterpriseRows {
  return { participation: groupByEnterprise(tables.participation), energy: groupByEnterprise(tables.energy), emissions: groupByEnterprise(tables.emissions) };
}

/** An enterprise's records, newest year first: documents filed, energy and emission figures. */
export function enterpriseYears(rows: EnterpriseRows, enterpriseId: string): EnterpriseYear[] {
  const energy = rows.energy.get(enterpriseId) ?? [];
  const emissions = rows.emissions.get(enterpriseId) ?? [];
  return [...(rows.participation.get(enterpriseId) ?? [])]
    .sort((a, b) => b.year - a.year)
    .map((p) => ({
      year: p.year,
      plan: p.plan && documentHref(p.plan),
      summary: p.summary && documentHref(p.summary),
      energy: energy.filter((e) => e.year === p.year).map((e) => ({ ...e, withinAverage: e.value <= e.industry_average })),
      emissions: emissions.filter((e) => e.year === p.year),
    }));
}

export const NEWS_PER_PAGE = 10;

/** Items split into list pages of perPage, newest first as given; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages.length > 0 ? pages : [[]];
}
