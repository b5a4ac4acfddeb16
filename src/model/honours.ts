import { createHash } from 'node:crypto';
import type { Row } from '../input/schema/tables.ts';
import type { DecisionRef } from './procedure.ts';
import type { CategoryResult } from './results.ts';
import { urls } from './urls.ts';

/**
 * 荣誉查询: every honour a published 表彰决定 made final, as a public record anyone can verify by
 * a short code (printed on the union's certificate beside a QR code of the record's address).
 */
export interface HonourRecord {
  code: string;
  year: number;
  category: Row<'awardCategories'>;
  recipientId: string;
  /** The recipient as the decision names it: a unit, a team with its enterprise, or a person. */
  name: string;
  kind: Row<'awardCategories'>['recipient_kind'];
  /** The enterprise (for a person: the unit). */
  unit: string;
  unitHref: string;
  /** A person's post, from the published profile: name, unit and post are all a record shows of a person. */
  post?: string;
  recipientHref?: string;
  decision: DecisionRef;
  /** The city honour the recipient was put forward for, once that 公示 is over. */
  cityHonour?: string;
}

/** Crockford's base-32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The verification code of an honour: 8 characters of a SHA-256 digest of year, category and
 * recipient id. Derived, never stored, so it is the same in every build; 40 bits leave a clash
 * among a few hundred honours practically impossible, and honourRecords refuses one all the same.
 */
export function honourCode(year: number, category: string, recipient: string): string {
  const digest = createHash('sha256').update(`${year}/${category}/${recipient}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 7; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code;
}

export function honourRecords(
  years: readonly number[],
  results: ReadonlyMap<number, readonly CategoryResult[]>,
  posts: ReadonlyMap<string, string>,
): HonourRecord[] {
  const records: HonourRecord[] = [];
  for (const year of years) {
    for (const { category, recipients } of results.get(year) ?? []) {
      for (const r of recipients) {
        const decision = r.decision;
        if (!decision) continue;
        records.push({
          code: honourCode(year, category.id, r.id),
          year,
          category,
          recipientId: r.id,
          name: r.name,
          kind: category.recipient_kind,
          unit: r.enterprise.name,
          unitHref: urls.enterprise(r.enterprise.id),
          ...(category.recipient_kind === 'worker' && posts.has(r.id) && { post: posts.get(r.id) }),
          ...(r.href && { recipientHref: r.href }),
          decision,
          ...(r.nominated && { cityHonour: category.honour }),
        });
      }
    }
  }
  const seen = new Map<string, HonourRecord>();
  for (const r of records) {
    const other = seen.get(r.code);
    if (other) throw new Error(`荣誉核验码 ${r.code} 重复：${other.year}年${other.name} 与 ${r.year}年${r.name}`);
    seen.set(r.code, r);
  }
  return records;
}
