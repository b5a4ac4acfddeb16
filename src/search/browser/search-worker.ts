/**
 * Runs the search off the page's main thread. Pagefind is loaded here, in a worker, also because
 * in a worker it has no page language and so does not re-segment the query with the browser's
 * Chinese word breaker (our index has its own words: see src/search/shared/ngrams.ts).
 */
import { SearchEngine, type Filters, type Outcome, type PagefindApi, type ResultView } from './engine.ts';
import { PARTS_FILE, openBundles, type PagefindLoader, type PartsManifest } from '../shared/parts.ts';
import { loadT2s, type FoldKinds } from '../shared/fold.ts';

export type Request =
  | { id: number; type: 'search'; q: string; filters: Filters; count: number }
  | { id: number; type: 'more'; from: number; count: number };

/** A search to offer when nothing was found: the same query without filters, or one of its terms alone. */
export interface Suggestion {
  q: string;
  filters: Filters;
  total: number;
}

export type Reply =
  | { id: number; type: 'results'; total: number; terms: string[]; truncated: boolean; folded: FoldKinds; suggestions: Suggestion[]; results: ResultView[] }
  | { id: number; type: 'error'; message: string };

type PagefindModule = PagefindApi & PagefindLoader;

const BASE = new URL('/pagefind/', self.location.href).href;
let engine: Promise<SearchEngine> | undefined;
let last: Outcome | undefined;

async function load(): Promise<SearchEngine> {
  const [pagefind, entry, manifest, t2s] = await Promise.all([
    import(/* @vite-ignore */ `${BASE}pagefind.js`) as Promise<PagefindModule>,
    fetch(`${BASE}pagefind-entry.json`).then((r) => r.json() as Promise<{ include_characters?: string[] }>),
    fetch(`${BASE}${PARTS_FILE}`).then((r) => r.json() as Promise<PartsManifest>),
    loadT2s(BASE),
  ]);
  await openBundles(pagefind, BASE, manifest);
  return new SearchEngine(pagefind, new Set(entry.include_characters ?? []), t2s);
}

/** When nothing is found: the searches nearest to it that find something. */
async function suggest(search: SearchEngine, outcome: Outcome, filters: Filters): Promise<Suggestion[]> {
  const tries: { q: string; filters: Filters }[] = [];
  const join = outcome.query.display.join(' ');
  if (Object.values(filters).some((v) => v)) tries.push({ q: join, filters: {} });
  if (outcome.query.display.length > 1) for (const t of outcome.query.display) tries.push({ q: t, filters });
  const found = await Promise.all(tries.map(async (t) => ({ ...t, total: (await search.search(t.q, t.filters)).total })));
  return found.filter((s) => s.total > 0);
}

self.addEventListener('message', async (e: MessageEvent<Request>) => {
  const msg = e.data;
  const reply = (r: Reply) => self.postMessage(r);
  try {
    engine ??= load();
    const search = await engine;
    if (msg.type === 'search') {
      const outcome = await search.search(msg.q, msg.filters);
      last = outcome;
      const [results, suggestions] = await Promise.all([
        search.view(outcome, 0, msg.count),
        outcome.total === 0 ? suggest(search, outcome, msg.filters) : Promise.resolve([]),
      ]);
      reply({ id: msg.id, type: 'results', total: outcome.total, terms: outcome.query.display, truncated: outcome.query.truncated, folded: outcome.query.folded, suggestions, results });
    } else if (last) {
      const results = await search.view(last, msg.from, msg.count);
      reply({ id: msg.id, type: 'results', total: last.total, terms: last.query.display, truncated: last.query.truncated, folded: last.query.folded, suggestions: [], results });
    }
  } catch (err) {
    engine = undefined;
    reply({ id: msg.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
