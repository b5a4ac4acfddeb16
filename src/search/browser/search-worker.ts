/**
 * Runs the search off the page's main thread. Pagefind is loaded here, in a worker, also because
 * in a worker it has no page language and so does not re-segment the query with the browser's
 * Chinese word breaker (our index has its own words: see src/search/shared/ngrams.ts).
 */
import { SearchEngine, type Filters, type Outcome, type PagefindApi, type ResultView } from './engine.ts';
import { PARTS_FILE, openBundles, type PagefindLoader, type PartsManifest } from '../shared/parts.ts';

export type Request =
  | { id: number; type: 'search'; q: string; filters: Filters; count: number }
  | { id: number; type: 'more'; from: number; count: number };

export type Reply =
  | { id: number; type: 'results'; total: number; terms: string[]; truncated: boolean; results: ResultView[] }
  | { id: number; type: 'error'; message: string };

type PagefindModule = PagefindApi & PagefindLoader;

const BASE = new URL('/pagefind/', self.location.href).href;
let engine: Promise<SearchEngine> | undefined;
let last: Outcome | undefined;

async function load(): Promise<SearchEngine> {
  const [pagefind, entry, manifest] = await Promise.all([
    import(/* @vite-ignore */ `${BASE}pagefind.js`) as Promise<PagefindModule>,
    fetch(`${BASE}pagefind-entry.json`).then((r) => r.json() as Promise<{ include_characters?: string[] }>),
    fetch(`${BASE}${PARTS_FILE}`).then((r) => r.json() as Promise<PartsManifest>),
  ]);
  await openBundles(pagefind, BASE, manifest);
  return new SearchEngine(pagefind, new Set(entry.include_characters ?? []));
}

self.addEventListener('message', async (e: MessageEvent<Request>) => {
  const msg = e.data;
  const reply = (r: Reply) => self.postMessage(r);
  try {
    engine ??= load();
    const search = await engine;
    if (msg.type === 'search') {
      last = await search.search(msg.q, msg.filters);
      const results = await search.view(last, 0, msg.count);
      reply({ id: msg.id, type: 'results', total: last.total, terms: last.query.display, truncated: last.query.truncated, results });
    } else if (last) {
      const results = await search.view(last, msg.from, msg.count);
      reply({ id: msg.id, type: 'results', total: last.total, terms: last.query.display, truncated: last.query.truncated, results });
    }
  } catch (err) {
    engine = undefined;
    reply({ id: msg.id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
