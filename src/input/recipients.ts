import type { Row } from './schema/tables.ts';

export type RecipientKind = Row<'awardCategories'>['recipient_kind'];

/** What an award row's recipient id names: its shown name and the enterprise it counts for. */
export interface RecipientRef {
  /** A team is named with its enterprise: 甲一公司一车间. */
  name: string;
  enterpriseId: string;
}

/** What the rule needs of a worker profile: the cross-file check, the pages and the charts alike. */
export interface WorkerRef {
  id: string;
  name: string;
  enterprise: string;
}

/**
 * The one reading of an award's recipient id, by the kind its category gives: an enterprise, a
 * team (counted for its enterprise) or a worker with a published profile. The rules check that it
 * resolves; the results pages and the award chart use the same answer.
 */
export function recipientResolver(
  tables: { enterprises: readonly Row<'enterprises'>[]; teams: readonly Row<'teams'>[] },
  workers: readonly WorkerRef[],
): (kind: RecipientKind, id: string) => RecipientRef | undefined {
  const enterprises = new Map(tables.enterprises.map((e) => [e.id, e]));
  const teams = new Map(tables.teams.map((t) => [t.id, t]));
  const people = new Map(workers.map((w) => [w.id, w]));
  return (kind, id) => {
    if (kind === 'enterprise') {
      const e = enterprises.get(id);
      return e && { name: e.name, enterpriseId: e.id };
    }
    if (kind === 'team') {
      const t = teams.get(id);
      return t && { name: `${enterprises.get(t.enterprise)?.name ?? ''}${t.name}`, enterpriseId: t.enterprise };
    }
    const w = people.get(id);
    return w && { name: w.name, enterpriseId: w.enterprise };
  };
}
