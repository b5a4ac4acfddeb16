/**
 * Search benchmark (`npm run bench:search`): prints figures, asserts nothing.
 *
 * For the demo build (examples/demo, or the real content while the demo does not exist) and for a
 * generated site of 2,000 pages, it builds the site (which writes our index), builds a stock
 * Pagefind index of the same HTML, samples queries — substrings of page text and pairs of
 * characters that occur only apart, and variants of page text as readers type them (full-width or
 * half-width forms, other brackets, traditional characters) — and compares each engine's pages with
 * the pages whose folded searchable text contains the folded query (exact-substring ground truth on
 * the folding of src/search/shared/fold.ts). It reports recall and
 * precision, index size, bytes a browser downloads for a first query, and query time.
 *
 *   npm run bench:search [-- --pages 2000 --queries 300 --pairs 100]
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import * as pagefindNode from 'pagefind';
import { SearchEngine } from '../../src/search/browser/engine.ts';
import { readSite } from '../../src/search/build/indexer.ts';
import { closePagefind } from '../../src/search/build/pagefind-service.ts';
import { PARTS_FILE, openBundles, type PartsManifest } from '../../src/search/shared/parts.ts';
import { bundlePages } from '../../src/search/build/write-bundle.ts';
import { buildSite } from '../build-site.ts';
import { graphemes } from '../../src/search/shared/text.ts';
import { comparable, loadT2s } from '../../src/search/shared/fold.ts';
import { t2sTable } from '../../src/search/build/t2s.ts';
import * as OpenCC from 'opencc-js';
import { generateSite, rng } from './generate-site.ts';
import { loadPagefind, wireSize, type Transfer } from './pagefind-node.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PAGES = arg('pages', 2000);
const SUBSTRINGS = arg('queries', 300);
const PAIRS = arg('pairs', 100);
/** Queries whose first-query download is measured on a fresh instance (each compiles the WebAssembly). */
const COLD = arg('cold', 40);
const SHOWN = 10;

const repo = path.resolve(import.meta.dirname, '../..');
const work = path.join(repo, '.bench');

interface Query {
  q: string;
  kind: Kind;
}
const KINDS = ['substring', 'apart', 'width', 'bracket', 'traditional'] as const;
type Kind = (typeof KINDS)[number];
/** Variant queries of each kind. */
const VARIANTS = arg('variants', 60);
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

function build(name: string, root: string | undefined, demo = false): string {
  const outDir = path.join(work, `dist-${name}`);
  const started = Date.now();
  const result = buildSite(outDir, { PORTAL_CONTENT: root, PORTAL_DEMO: demo ? '1' : undefined }, repo);
  if (result.status !== 0) throw new Error(`build of ${name} failed:\n${result.output}`);
  console.log(`  built ${name} (astro build + our index) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}

async function stockIndex(name: string, siteDir: string): Promise<string> {
  const out = path.join(work, `stock-${name}`);
  fs.rmSync(out, { recursive: true, force: true });
  const saved = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  const started = Date.now();
  try {
    const { index, errors } = await pagefindNode.createIndex({});
    if (!index) throw new Error(errors.join('; '));
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    await index.writeFiles({ outputPath: out });
  } finally {
    await closePagefind();
    if (saved !== undefined) process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = saved;
  }
  console.log(`  stock Pagefind index of ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

/** Bundle sizes: the word index, the page fragments, and all search data together. */
function bundleSize(dir: string) {
  const sum = (sub: string) =>
    fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)).reduce((s, f) => s + fs.statSync(path.join(dir, sub, f)).size, 0) : 0;
  const top = fs.readdirSync(dir).filter((f) => f.endsWith('.pf_meta') || f === 'pagefind-entry.json' || f === 't2s-keys.json');
  const meta = top.reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
  const index = sum('index');
  const fragments = sum('fragment');
  const filters = sum('filter');
  return { index, fragments, total: index + fragments + filters + meta };
}

/**
 * Result id → page URL, over a bundle and the parts merged into it, read once from their fragment
 * files (ids are unique across the parts: write-bundle.ts).
 */
function fragmentUrls(dir: string, parts: string[] = []): Map<string, string> {
  return new Map([dir, ...parts.map((p) => path.join(dir, p))].flatMap((bundle) => [...bundlePages(bundle)]));
}

const HAN = /^\p{Script=Han}$/u;
const SEARCHABLE = /^[\p{Script=Han}\p{L}\p{N}]$/u;

function sampleQueries(texts: string[], seed: number): Query[] {
  const random = rng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pages = texts.map((t) => graphemes(t));
  const all = texts.join('\n');
  const queries = new Map<string, Query>();
  for (let tries = 0; queries.size < SUBSTRINGS && tries < SUBSTRINGS * 200; tries++) {
    const gs = pages[int(pages.length)] ?? [];
    const len = 1 + int(8);
    const at = int(Math.max(1, gs.length - len));
    const piece = gs.slice(at, at + len);
    if (piece.length !== len || !piece.every((g) => SEARCHABLE.test(g)) || !piece.some((g) => HAN.test(g))) continue;
    queries.set(piece.join(''), { q: piece.join(''), kind: 'substring' });
  }
  const before = queries.size;
  for (let tries = 0; queries.size < before + PAIRS && tries < PAIRS * 500; tries++) {
    const gs = (pages[int(pages.length)] ?? []).filter((g) => HAN.test(g));
    const a = gs[int(gs.length)];
    const b = gs[int(gs.length)];
    if (!a || !b || all.includes(a + b)) continue;
    queries.set(a + b, { q: a + b, kind: 'apart' });
  }
  // Variants: a piece of page text (up to 10 characters, no white space) as a reader might type it.
  const piece = (ok: (gs: string[]) => boolean): string[] | undefined => {
    for (let tries = 0; tries < 2000; tries++) {
      const gs = pages[int(pages.length)] ?? [];
      const len = 2 + int(9);
      const at = int(Math.max(1, gs.length - len));
      const p = gs.slice(at, at + len);
      if (p.length === len && !p.some((g) => /\s/.test(g)) && ok(p)) return p;
    }
    return undefined;
  };
  const variants = (kind: Kind, ok: (gs: string[]) => boolean, change: (gs: string[]) => string) => {
    for (let n = 0, tries = 0; n < VARIANTS && tries < VARIANTS * 20; tries++) {
      const p = piece(ok);
      if (!p) return;
      const q = change(p);
      if (q === p.join('') || queries.has(q)) continue;
      queries.set(q, { q, kind });
      n++;
    }
  };
  const flipWidth = (c: string) => {
    const code = c.codePointAt(0) as number;
    if (c.length === 1 && code >= 0x21 && code <= 0x7e && c !== '"') return String.fromCodePoint(code + 0xfee0);
    if (c.length === 1 && code >= 0xff01 && code <= 0xff5e && c !== '＂') return String.fromCodePoint(code - 0xfee0);
    return c;
  };
  variants('width', (gs) => gs.some((g) => flipWidth(g) !== g) && gs.some((g) => HAN.test(g) || /[\p{L}\p{N}]/u.test(g)), (gs) => gs.map(flipWidth).join(''));
  const BRACKETS = ['〔〕', '[]', '【】', '（）', '()', '〈〉'];
  variants(
    'bracket',
    (gs) => gs.some((g) => BRACKETS.some((b) => b.includes(g))),
    (gs) => {
      const b = BRACKETS[int(BRACKETS.length)] as string;
      return gs.map((g) => (BRACKETS.some((x) => x[0] === g) ? b[0] : BRACKETS.some((x) => x[1] === g) ? b[1] : g)).join('');
    },
  );
  variants('traditional', (gs) => gs.every((g) => HAN.test(g)), (gs) => toTraditional(gs.join('')));
  return [...queries.values()];
}

interface Engine {
  name: string;
  dir: string;
  /** Extra bytes a browser loads for the first query besides what pagefind.js fetches (workers). */
  extraBytes: number;
  run(q: string, cold: boolean): Promise<{ urls: string[]; bytes: number; ms: number; files: Transfer['files'] }>;
}

/** What kind of file a first query downloaded, for the breakdown of its bytes. */
function fileKind(name: string): string {
  const ext = /\.pf_(meta|index|fragment|filter)$/.exec(name)?.[1];
  if (ext) return { meta: 'page and chunk lists (pf_meta)', index: 'word index chunks', fragment: 'result fragments', filter: 'filters' }[ext]!;
  if (/wasm|\.pagefind$/.test(name)) return 'WebAssembly';
  if (name.endsWith('.js')) return 'scripts';
  return 'other (entry, parts, folding table)';
}

async function stockEngine(dir: string): Promise<Engine> {
  const urls = fragmentUrls(dir);
  // In a browser, pagefind.js runs its search in its own worker script.
  const extraBytes = wireSize(path.join(dir, 'pagefind-worker.js'));
  const warm = await loadPagefind(dir, 'zh-cn');
  return {
    name: 'stock Pagefind',
    dir,
    extraBytes,
    async run(q, cold) {
      const { pagefind, transfer } = cold ? await loadPagefind(dir, 'zh-cn') : warm;
      const started = performance.now();
      const r = await pagefind.search(q);
      const ms = performance.now() - started;
      const results = r?.results ?? [];
      await Promise.all(results.slice(0, SHOWN).map((x: { data(): Promise<unknown> }) => x.data()));
      const bytes = transfer.bytes + extraBytes;
      if (cold) await pagefind.destroy();
      return { urls: results.map((x: { id: string }) => urls.get(x.id) ?? x.id), bytes, ms, files: [...transfer.files, { name: 'pagefind-worker.js', bytes: extraBytes }] };
    },
  };
}

async function ourEngine(dir: string, siteDir: string): Promise<Engine> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, PARTS_FILE), 'utf8')) as PartsManifest;
  const urls = fragmentUrls(dir, manifest.parts);
  const astroDir = path.join(siteDir, '_astro');
  const workerFile = fs.readdirSync(astroDir).find((f) => f.startsWith('search-worker'));
  const extraBytes = workerFile ? wireSize(path.join(astroDir, workerFile)) : 0;
  const symbols = new Set<string>(JSON.parse(fs.readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')).include_characters);
  const entryBytes = wireSize(path.join(dir, 'pagefind-entry.json')) + wireSize(path.join(dir, PARTS_FILE));
  const start = async () => {
    const loaded = await loadPagefind(dir);
    await openBundles(loaded.pagefind, pathToFileURL(`${dir}/`).href, manifest);
    // Through the counting fetch: the table's keys always, the table itself when a query needs it.
    const t2s = await loadT2s(pathToFileURL(`${dir}/`).href);
    return { ...loaded, engine: new SearchEngine(loaded.pagefind, symbols, t2s) };
  };
  const warm = await start();
  return {
    name: 'ours',
    dir,
    extraBytes,
    async run(q, cold) {
      const { engine, transfer, pagefind } = cold ? await start() : warm;
      const started = performance.now();
      const outcome = await engine.search(q);
      const ms = performance.now() - started;
      await engine.view(outcome, 0, SHOWN);
      // The worker also reads pagefind-entry.json itself (for the list of indexed symbols).
      const bytes = transfer.bytes + extraBytes + entryBytes;
      if (cold) await pagefind.destroy();
      return { urls: outcome.hits.map((h) => urls.get(h.id) ?? h.id), bytes, ms, files: [...transfer.files, { name: 'search-worker.js', bytes: extraBytes }, { name: 'pagefind-entry.json', bytes: entryBytes }] };
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;

async function benchSite(name: string, siteDir: string, stockDir: string, seed: number) {
  const t2s = t2sTable();
  const raw = readSite(siteDir).indexed;
  const truthPages = raw.map((p) => ({ url: p.url, text: comparable(`${p.page.title}\n${p.page.text}`, t2s) }));
  // Sampled from the page text as printed (not folded), so that variants start from what pages show.
  const queries = sampleQueries(
    raw.map((p) => `${p.page.title}\n${p.page.text}`),
    seed,
  );
  const engines = [await stockEngine(stockDir), await ourEngine(path.join(siteDir, 'pagefind'), siteDir)];
  const sizes = engines.map((e) => bundleSize(e.dir));
  const count = (k: Kind) => queries.filter((q) => q.kind === k).length;
  console.log(`\n== ${name}: ${truthPages.length} searchable pages, ${queries.length} queries (${count('substring')} substrings of page text, ${count('apart')} pairs of characters that occur only apart; variants of page text: ${count('width')} width, ${count('bracket')} bracket, ${count('traditional')} traditional)`);
  const perKind: string[] = [];

  const rows: string[][] = [];
  for (const [i, engine] of engines.entries()) {
    const stats = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, exact: 0, n: 0 }])) as Record<Kind, { tp: number; fp: number; fn: number; exact: number; n: number }>;
    const times: number[] = [];
    const coldBytes: number[] = [];
    const coldTimes: number[] = [];
    const coldKinds = new Map<string, number[]>();
    // Our engine must be exact: each query it answers wrongly is shown (the first few), to start from.
    const wrong: string[] = [];
    for (const [k, { q, kind }] of queries.entries()) {
      const folded = comparable(q, t2s);
      const truth = new Set(truthPages.filter((p) => p.text.includes(folded)).map((p) => p.url));
      const cold = k < COLD;
      const { urls, bytes, ms, files } = await engine.run(q, cold);
      if (cold) {
        const kinds = new Map<string, number>();
        for (const f of files) kinds.set(fileKind(f.name), (kinds.get(fileKind(f.name)) ?? 0) + f.bytes);
        for (const [kind, b] of kinds) coldKinds.set(kind, [...(coldKinds.get(kind) ?? []), b]);
        coldBytes.push(bytes);
        coldTimes.push(ms);
      } else {
        times.push(ms);
      }
      const got = new Set(urls);
      const s = stats[kind];
      s.n++;
      let tp = 0;
      for (const u of got) if (truth.has(u)) tp++;
      s.tp += tp;
      s.fp += got.size - tp;
      s.fn += truth.size - tp;
      if (tp === truth.size && got.size === truth.size) s.exact++;
      else if (engine.name === 'ours') {
        const extra = [...got].filter((u) => !truth.has(u));
        const missed = [...truth].filter((u) => !got.has(u));
        wrong.push(`  ours, ${kind} “${q}” (folded “${folded}”): ${extra.length} wrong${extra.length ? ` (${extra.slice(0, 2).join(' ')})` : ''}, ${missed.length} missed${missed.length ? ` (${missed.slice(0, 2).join(' ')})` : ''}`);
      }
    }
    perKind.push(`  ${engine.name}, first query's bytes by kind (median): ${[...coldKinds].map(([kind, b]) => `${kind} ${kb(median([...b, ...Array<number>(coldBytes.length - b.length).fill(0)]))}`).join(', ')}`);
    const sum = (f: 'tp' | 'fp' | 'fn' | 'exact') => KINDS.reduce((n, k) => n + stats[k][f], 0);
    const all = { tp: sum('tp'), fp: sum('fp'), fn: sum('fn') };
    for (const k of KINDS) {
      const x = stats[k];
      if (x.n > 0) perKind.push(`  ${engine.name}, ${k}: recall ${pct(x.tp / Math.max(1, x.tp + x.fn))}, precision ${pct(x.tp + x.fp === 0 ? 1 : x.tp / (x.tp + x.fp))}, exact answers ${x.exact}/${x.n}`);
    }
    perKind.push(...wrong.slice(0, 5));
    if (wrong.length > 5) perKind.push(`  ours, and ${wrong.length - 5} more queries answered wrongly`);
    const recall = all.tp / (all.tp + all.fn);
    const precision = all.tp + all.fp === 0 ? 1 : all.tp / (all.tp + all.fp);
    const size = sizes[i] as ReturnType<typeof bundleSize>;
    rows.push([
      engine.name,
      pct(recall),
      pct(precision),
      `${sum('exact')}/${queries.length}`,
      `${stats.apart.fp}`,
      kb(size.index),
      kb(size.total),
      `${kb(median(coldBytes))} / ${kb(Math.max(...coldBytes))}`,
      `${median(times).toFixed(1)} ms`,
      `${median(coldTimes).toFixed(0)} ms`,
    ]);
  }
  const head = ['engine', 'recall', 'precision', 'exact answers', 'hits on apart pairs', 'word index', 'all search data', 'first query: median / max', 'median query', 'median first query'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)) + 2);
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c] as number)).join('');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  for (const line of perKind) console.log(line);
  const table = path.join(siteDir, 'pagefind', 't2s.txt');
  if (fs.existsSync(table)) console.log(`  the traditional → simplified table (t2s.txt), read only by a query that needs it: ${kb(zlib.gzipSync(fs.readFileSync(table)).length)} gzip-compressed (not in "all search data")`);
  const ratio = (sizes[1]?.total ?? 0) / (sizes[0]?.total ?? 1);
  console.log(`  our search data is ${ratio.toFixed(2)}× stock. First-query bytes: pagefind.js and workers gzip-compressed as a static host serves them, index files as written (already compressed), plus the fragments of the first ${SHOWN} results; measured on ${COLD} cold starts. Query times are warm (WebAssembly loaded), in Node on this machine.`);
  for (const q of ['减排', '节赛', '減排']) {
    const truth = truthPages.filter((p) => p.text.includes(comparable(q, t2s))).length;
    const got = await Promise.all(engines.map(async (e) => (await e.run(q, true)).urls.length));
    console.log(`  “${q}” as a reader's first query: ${truth} pages contain it; stock returns ${got[0]}, ours ${got[1]}`);
  }
}

fs.mkdirSync(work, { recursive: true });
const demoRoot = fs.existsSync(path.join(repo, 'examples/demo/data')) ? 'examples/demo' : undefined;
const first = demoRoot ? 'demo' : 'real';
console.log(`Search benchmark. Sites: ${demoRoot ? 'the demo build (examples/demo)' : 'the real content (examples/demo does not exist yet)'} and a generated site of ${PAGES} pages.`);
const firstDist = build(first, demoRoot, first === 'demo');
const firstStock = await stockIndex(first, firstDist);
const generated = generateSite(path.join(work, `site-${PAGES}`), PAGES);
console.log(`  generated ${generated.notices} notices and ${generated.enterprises} enterprises under .bench/`);
const genDist = build(`${PAGES}`, generated.root);
const genStock = await stockIndex(`${PAGES}`, genDist);
await benchSite(first === 'demo' ? 'demo build' : 'real content', firstDist, firstStock, 1);
await benchSite(`generated site (${PAGES} pages)`, genDist, genStock, 2);
