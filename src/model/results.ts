import { recipientResolver, type WorkerRef } from '../input/recipients.ts';
import type { Row } from '../input/schema/tables.ts';
import type { Tables } from '../input/types.ts';
import { zoneName, type Enterprise } from './campaign.ts';
import { urls } from './urls.ts';

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
