/**
 * Ranking: pages whose title contains the query come first (more terms in the title, higher), then
 * by Pagefind's relevance score, then in index order so the order is stable.
 */
export interface Ranked {
  id: string;
  /** How many of the terms occur in the title. */
  titleTerms: number;
  /** Relevance score (Pagefind's BM25 over our words), summed over terms. */
  score: number;
  /** Position in the index, for ties. */
  order: number;
}

export function rank<T extends Ranked>(pages: T[]): T[] {
  return [...pages].sort((a, b) => b.titleTerms - a.titleTerms || b.score - a.score || a.order - b.order);
}
