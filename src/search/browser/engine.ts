/**
 * The search itself, on top of Pagefind's JavaScript API: runs the exact queries of ngrams.ts,
 * intersects terms, ranks title matches first, and turns the pages to show into titles and excerpts
 * with the matched characters marked. The browser runs it in a worker; the benchmark runs it in Node.
 */
import { excerpt, highlight, type Excerpt, type Segment } from '../shared/highlight.ts';
import { ORIGINALS_META, TITLE_SPAN, decodePage } from '../shared/ngrams.ts';
import { exactQuery, parseQuery, scoringQuery, unknownSymbols, type ParsedQuery } from '../shared/query.ts';
import { rank, type Ranked } from '../shared/rank.ts';
import { NO_T2S, type T2sSource } from '../shared/fold.ts';

/** The part of pagefind.js this module uses. */
export interface PagefindFragment {
  url: string;
  content: string;
  /** Pagefind's meta fields; ours is `o`, the page's own characters (see ngrams.ts). */
  meta?: Record<string, string>;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindFragment>;
}
export interface PagefindApi {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

export type Filters = Partial<Record<'type' | 'zone' | 'year', string>>;

interface Hit extends Ranked {
  result: PagefindResult;
}

export interface Outcome {
  query: ParsedQuery;
  /** Number of matching pages. */
  total: number;
  hits: Hit[];
}

export interface ResultView {
  url: string;
  title: Segment[];
  excerpt: Excerpt;
  filters: Record<string, string[]>;
  /** The page text we read back contains every term (a check on the index, always true). */
  verified: boolean;
}

/**
 * The results whose words hold the phrase. Pagefind (1.5 and later) also searches a page's meta
 * fields and returns a page found only there, with no word positions (its matchedMetaFields name
 * the fields). Our meta fields are no page text: the notes of a page's own characters (ngrams.ts)
 * are digits and characters such as "384W15W30,7,", which hold "15" where the page has no "15",
 * and a salt (write-bundle.ts) is a number. Only a match in the words is a match.
 */
function inWords(response: { results: PagefindResult[] } | null | undefined): PagefindResult[] {
  return (response?.results ?? []).filter((x) => x.words.length > 0);
}

export class SearchEngine {
  private readonly pagefind: PagefindApi;
  private readonly symbols: ReadonlySet<string>;
  private readonly t2s: T2sSource;

  /**
   * `symbols`: characters other than letters and digits that the index keeps (Pagefind's
   * include_characters); `t2s`: the traditional → simplified table the index was folded with.
   */
  constructor(pagefind: PagefindApi, symbols: ReadonlySet<string>, t2s: T2sSource = async () => NO_T2S) {
    this.pagefind = pagefind;
    this.symbols = symbols;
    this.t2s = t2s;
  }

  async search(input: string, filters: Filters = {}): Promise<Outcome> {
    const query = parseQuery(input, await this.t2s(input));
    const empty: Outcome = { query, total: 0, hits: [] };
    if (query.terms.length === 0) return empty;
    if (query.terms.some((t) => unknownSymbols(t, this.symbols).length > 0)) return empty;

    const options = { filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string> };
    const [exact, scoring] = await Promise.all([
      Promise.all(query.terms.map((t) => this.pagefind.search(exactQuery(t), options))),
      Promise.all(query.terms.map((t) => this.pagefind.search(scoringQuery(t), options))),
    ]);

    const first = inWords(exact[0]);
    const others = exact.slice(1).map((r) => new Map(inWords(r).map((x) => [x.id, x])));
    const scores = new Map<string, number>();
    for (const r of scoring) for (const x of r?.results ?? []) scores.set(x.id, (scores.get(x.id) ?? 0) + x.score);

    const hits: Hit[] = [];
    first.forEach((result, order) => {
      const matches = [result, ...others.map((m) => m.get(result.id))];
      if (matches.some((m) => m === undefined)) return;
      const titleTerms = matches.filter((m) => (m?.words[0] ?? Infinity) < TITLE_SPAN).length;
      hits.push({ id: result.id, result, titleTerms, score: scores.get(result.id) ?? 0, order });
    });
    return { query, total: hits.length, hits: rank(hits) };
  }

  /** Titles and excerpts for hits[from, from + count). */
  async view(outcome: Outcome, from: number, count: number): Promise<ResultView[]> {
    const { terms } = outcome.query;
    return Promise.all(
      outcome.hits.slice(from, from + count).map(async (hit) => {
        const fragment = await hit.result.data();
        const page = decodePage(fragment.content, fragment.meta?.[ORIGINALS_META] ?? '');
        const whole = `${page.title.chars.join('')}\n${page.text.chars.join('')}`;
        return {
          url: fragment.url,
          title: page.title.chars.length > 0 ? highlight(page.title, terms) : [{ text: fragment.url, mark: false }],
          excerpt: excerpt(page.text, terms),
          filters: fragment.filters ?? {},
          verified: terms.every((t) => whole.includes(t.join(''))),
        };
      }),
    );
  }
}
