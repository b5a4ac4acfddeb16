import type { Row } from '../input/schema/tables.ts';
import type { Tables } from '../input/types.ts';
import { urls } from './urls.ts';

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
      plan: p.plan && urls.document(p.plan),
      summary: p.summary && urls.document(p.summary),
      energy: energy.filter((e) => e.year === p.year).map((e) => ({ ...e, withinAverage: e.value <= e.industry_average })),
      emissions: emissions.filter((e) => e.year === p.year),
    }));
}
