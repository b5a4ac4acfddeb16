import { recipientResolver, type WorkerRef } from '../input/recipients.ts';
import type { Row } from '../input/schema/tables.ts';
import type { Tables } from '../input/types.ts';
import { zoneName, type Enterprise } from './campaign.ts';
import type { DecisionRef, PublicityView } from './procedure.ts';
import { urls } from './urls.ts';

export interface Recipient {
  id: string;
  /** Display name; a team is shown with its enterprise. */
  name: string;
  enterprise: Enterprise;
  zoneName: string;
  /** The recipient's own page, if it has one. */
  href?: string;
  /** Put forward for the city honour, its own 公示 over and the nomination not withdrawn. */
  nominated: boolean;
  /** The 表彰决定 that made it final (in the final list only). */
  decision?: DecisionRef;
}

export interface CategoryResult {
  category: Row<'awardCategories'>;
  recipients: Recipient[];
}

/** A recipient as a 公示 listed it, with the reason when it was withdrawn afterwards. */
export interface Listed extends Recipient {
  withdrawn?: string;
}

export interface PublicityList {
  view: PublicityView;
  categories: { category: Row<'awardCategories'>; listed: Listed[] }[];
}

type Resolve = (category: Row<'awardCategories'>, id: string) => Omit<Recipient, 'nominated'>;

function resolver(tables: Tables, workers: readonly WorkerRef[], year: number): Resolve {
  const enterprises = new Map(tables.enterprises.map((e) => [e.id, e]));
  const resolve = recipientResolver(tables, workers);
  return (category, id) => {
    const kind = category.recipient_kind;
    const ref = resolve(kind, id);
    const enterprise = ref && enterprises.get(ref.enterpriseId);
    if (!ref || !enterprise) throw new Error(`data/awards.csv：${year} 年“${category.name}”的对象“${id}”找不到（可能是草稿）`);
    const href = kind === 'worker' ? urls.worker(id) : urls.enterprise(enterprise.id);
    return { id, name: ref.name, enterprise, href, zoneName: zoneName(tables, enterprise.zone) };
  };
}

/**
 * The award results of a year as they stand: only what a published 表彰决定 made final, less the
 * recipients withdrawn after objections, category by category in the order of the editors' table.
 * A nomination counts once its own 公示 is over and it was not withdrawn.
 */
export function yearResults(tables: Tables, workers: readonly WorkerRef[], year: number, publicity: readonly PublicityView[]): CategoryResult[] {
  const resolve = resolver(tables, workers, year);
  const decided = new Map(publicity.filter((p) => p.decision).map((p) => [p.row.id, p.decision!]));
  const nominationsOver = new Set(publicity.filter((p) => p.row.stage === 'nomination' && p.status !== 'open').map((p) => p.row.id));
  const nominated = new Set(tables.nominations.filter((n) => n.year === year && !n.withdrawn && nominationsOver.has(n.publicity)).map((n) => `${n.category}/${n.recipient}`));
  return tables.awardCategories
    .filter((c) => c.year === year)
    .map((category) => ({
      category,
      recipients: tables.awards
        .filter((a) => a.year === year && a.category === category.id && decided.has(a.publicity) && !a.withdrawn)
        .map((a): Recipient => ({ ...resolve(category, a.recipient), nominated: nominated.has(`${category.id}/${a.recipient}`), decision: decided.get(a.publicity)! })),
    }));
}

/**
 * Each 公示 of a year with its list as it was published: every recipient it named, those withdrawn
 * afterwards included and marked (the record keeps what readers were shown).
 */
export function publicityLists(tables: Tables, workers: readonly WorkerRef[], year: number, publicity: readonly PublicityView[]): PublicityList[] {
  const resolve = resolver(tables, workers, year);
  return publicity.map((view) => {
    const rows = view.row.stage === 'award' ? tables.awards : tables.nominations;
    return {
      view,
      categories: tables.awardCategories
        .filter((c) => c.year === year && view.row.categories.includes(c.id))
        .map((category) => ({
          category,
          listed: rows
            .filter((r) => r.publicity === view.row.id && r.category === category.id)
            .map((r): Listed => ({ ...resolve(category, r.recipient), nominated: false, ...(r.withdrawn && { withdrawn: r.withdrawn }) })),
        })),
    };
  });
}

/** The decisions of a year that are in force on this site, with the recipients each made final. */
export function decisionsOf(publicity: readonly PublicityView[]): DecisionRef[] {
  const seen = new Map<string, DecisionRef>();
  for (const p of publicity) if (p.decision) seen.set(p.decision.id, p.decision);
  return [...seen.values()];
}
