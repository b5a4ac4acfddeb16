// Scale benchmark: at 1,000, 5,000 and 20,000 pages, builds in the same run, in interleaved rounds,
//
// - ours: what `npm run build` runs (astro build, our exact-search index step, the publication
//   check), on a generated fictional campaign (generate.ts);
// - the fair peer: a bare Astro 7 project with as many pages, indexed by stock Pagefind 1.6
//   (peers.ts);
// - Starlight 0.42, zh-CN, a fixed sidebar of 10 links, its built-in Pagefind (peers.ts);
//
// and prints, for each, the median and range over the rounds of wall time, CPU time and peak
// memory of the whole process tree (measure.ts: services that outlive their parent included, and
// reported), ms of CPU per page, our ratios to both peers against the targets, the cost of
// each added page from one size to the next, and the load average at every build.
//
//   npm run bench                    sizes 1000 5000 20000
//   npm run bench -- 1000 5000       chosen sizes
//   BENCH_RUNS=5 npm run bench       rounds per size (default 3)
//   BENCH_CMS=test-repo npm run bench  ours with the demo's CMS (the repository published for the
//                                    browser's storage) instead of a git host's, the deploy's case
//
// Ours is built as a deploy builds it: with the CMS for a git host and with the site's address
// (PORTAL_SITE), which gives every page its printed QR code, one more file a page.
//
// After the cold rounds of a size, as many warm rounds of ours: one article edited (a paragraph
// added), then built again with the caches the last build left (Astro's incremental build, the
// index step's records and bundles, the checks' answers), the way a deploy publishes an editor's change; its CPU against the
// cold builds' is the incremental target.
//
// Every build is cold: outputs and Astro's caches are put out of the way first, and removed only
// after the last build (discard.ts: removing them just before a build made it pay for their
// removal). The peers' packages are installed by the bench into .bench/peers/ (never into the
// site); everything is generated under .bench/ (ignored by git) and the last outputs are left there
// for a look.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSteps } from '../build-site.ts';
import { pad, portal, portalPlan } from './generate.ts';
import { loadAverage, measure, type Measure } from './measure.ts';
import { bare, installPeers, starlight } from './peers.ts';
import { discard, removeDiscarded } from './discard.ts';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(1000, 5000, 20000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
/** Ours is built with /admin/ configured, as a deploy builds it: for a git host (default), or the demo's test repository. */
const CMS = process.env.BENCH_CMS === 'test-repo' ? { PORTAL_CMS_BACKEND: 'test-repo' } : { PORTAL_CMS_BACKEND: 'github', PORTAL_CMS_REPO: 'example/portal' };
/** The address ours is built for (a deploy sets PORTAL_SITE; without it the pages get no QR code). */
const SITE = 'https://bench.jzsbljj.example.org';
const BENCH = path.resolve('.bench');
const PEERS = path.join(BENCH, 'peers');
const LOGS = path.join(BENCH, 'logs');
const node = process.execPath;
const peerAstro = path.join(PEERS, 'node_modules/astro/bin/astro.mjs');
const peerPagefind = path.join(PEERS, 'node_modules/pagefind/lib/runner/bin.cjs');

/** One build of one project: its total, and its steps. */
interface Build extends Measure {
  steps: Record<string, Measure>;
  load: number;
}

const PROJECTS = ['fair', 'starlight', 'ours'] as const;
type Project = (typeof PROJECTS)[number];

/** Runs steps one after the other; the build's figures are their sums (peak: the largest). */
async function steps(list: [string, string, string[], Record<string, string | undefined>?][], log: string): Promise<Build> {
  const load = loadAverage();
  const measured: Record<string, Measure> = {};
  for (const [name, command, args, env] of list) measured[name] = await measure(command, args, { env, log: `${log}-${name.replace(/ /g, '-')}.log` });
  const all = Object.values(measured);
  const sum = (key: 'wall' | 'cpu'): number => all.reduce((s, m) => s + m[key], 0);
  return { wall: sum('wall'), cpu: sum('cpu'), peak: Math.max(...all.map((m) => m.peak)), orphans: all.flatMap((m) => m.orphans), steps: measured, load };
}

if (removeDiscarded()) process.stderr.write('removed the outputs an interrupted run left aside; builds in the next minutes pay for it (discard.ts)\n');
installPeers(PEERS);
/** What the warm rounds measure besides the build: how many pages Astro rendered and restored. */
interface Warm extends Build {
  rendered: number;
  restored: number;
}
type Runs = Record<Project, Build[]> & { stockOnOurs: Measure[]; warm: Warm[] };
const results = new Map<number, Runs>();

/** Adds a paragraph to the round-th news article: an editor's one-article edit. */
function editArticle(root: string, round: number): void {
  const file = path.join(root, 'content/news', `n-${pad(round)}.md`);
  fs.appendFileSync(file, `\n编辑修改第${round}次：补充一段新的内容，用于测量增量发布。\n`);
}

/** Pages Astro's log lists as rendered (└─/├─ lines without a cache note) and as taken from its cache. */
function pageCounts(log: string): { rendered: number; restored: number } {
  const lines = fs.readFileSync(log, 'utf8').split('\n').filter((l) => /[├└]─/.test(l));
  const restored = lines.filter((l) => /\((?:restored|cached)\)/.test(l)).length;
  return { rendered: lines.length - restored, restored };
}
for (const pages of sizes) {
  process.stderr.write(`generating ${pages} pages …\n`);
  const portalRoot = path.join(BENCH, 'examples', `campaign-${pages}`);
  const bareRoot = path.join(PEERS, `bare-${pages}`);
  const starRoot = path.join(PEERS, `starlight-${pages}`);
  // The peers build inside their own folders, whose prerendered chunks resolve the peers' packages.
  const out = (name: string): string => (name === 'ours' ? path.join(BENCH, 'out', `ours-${pages}`) : path.join(name === 'fair' ? bareRoot : starRoot, 'dist'));
  portal(portalRoot, pages);
  bare(bareRoot, pages);
  starlight(starRoot, pages);
  const rel = path.relative(process.cwd(), portalRoot);
  const ourEnv = { PORTAL_CONTENT: rel, PORTAL_NOW: '2024-06-01', PORTAL_DEMO: '1', PORTAL_SITE: SITE, ...CMS };

  const runs: Runs = { fair: [], starlight: [], ours: [], stockOnOurs: [], warm: [] };
  const ourSteps = (): [string, string, string[], Record<string, string>][] =>
    buildSteps(out('ours')).map(([name, args]) => [name, node, args, ourEnv] as [string, string, string[], Record<string, string>]);
  const build: Record<Project, (round: number) => Promise<Build>> = {
    fair: (round) => {
      discard(out('fair'), path.join(bareRoot, 'node_modules'), path.join(bareRoot, '.astro'));
      return steps([
        ['astro build', node, [peerAstro, 'build', '--root', bareRoot, '--outDir', out('fair')]],
        ['pagefind', node, [peerPagefind, '--site', out('fair')]],
      ], path.join(LOGS, `fair-${pages}-${round}`));
    },
    starlight: (round) => {
      discard(out('starlight'), path.join(starRoot, 'node_modules'), path.join(starRoot, '.astro'));
      return steps([['astro build', node, [peerAstro, 'build', '--root', starRoot, '--outDir', out('starlight')]]], path.join(LOGS, `starlight-${pages}-${round}`));
    },
    ours: async (round) => {
      discard(out('ours'), path.resolve('node_modules/.astro'));
      const ours = await steps(ourSteps(), path.join(LOGS, `ours-${pages}-${round}`));
      // Not part of our build: what stock Pagefind would cost on our pages (issue 15's comparison).
      discard(`${out('ours')}-stock-pagefind`);
      runs.stockOnOurs.push(await measure(node, [peerPagefind, '--site', out('ours'), '--output-path', `${out('ours')}-stock-pagefind`], { log: path.join(LOGS, `stock-on-ours-${pages}-${round}.log`) }));
      return ours;
    },
  };
  for (let round = 1; round <= RUNS; round++) {
    // Each round starts with another project, so that none is always the one after a quiet pause.
    for (let k = 0; k < PROJECTS.length; k++) {
      const project = PROJECTS[(k + round - 1) % PROJECTS.length]!;
      process.stderr.write(`${project}, ${pages} pages, round ${round} (load ${loadAverage().toFixed(1)}) … `);
      const b = await build[project](round);
      runs[project].push(b);
      process.stderr.write(`${b.wall.toFixed(1)} s, CPU ${b.cpu.toFixed(1)} s${b.orphans.length ? `, LEFT BEHIND: ${b.orphans.join(', ')}` : ''}\n`);
    }
  }
  // Warm: the caches of ours' last cold build (the peers' builds never touch them), one edit each.
  for (let round = 1; round <= RUNS; round++) {
    editArticle(portalRoot, round);
    discard(out('ours'));
    process.stderr.write(`ours warm (one article edited), ${pages} pages, round ${round} (load ${loadAverage().toFixed(1)}) … `);
    const log = path.join(LOGS, `warm-${pages}-${round}`);
    const b = await steps(ourSteps(), log);
    const counts = pageCounts(`${log}-astro-build.log`);
    runs.warm.push({ ...b, ...counts });
    process.stderr.write(`${b.wall.toFixed(1)} s, CPU ${b.cpu.toFixed(1)} s, ${counts.rendered} pages rendered, ${counts.restored} from the cache\n`);
  }
  results.set(pages, runs);
  const html = (name: string): number => fs.readdirSync(out(name), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
  process.stderr.write(`html files: ours ${html('ours')}, fair ${html('fair')}, starlight ${html('starlight')}\n`);
}

// ---- report ----
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sec = (xs: number[]): string => (xs.length > 1 ? `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})` : median(xs).toFixed(1));
const gb = (xs: number[]): string => `${(median(xs) / 2 ** 30).toFixed(2)}`;
const of = (runs: Measure[], key: 'wall' | 'cpu' | 'peak'): number[] => runs.map((r) => r[key]);
const stepOf = (runs: Build[], step: string): Measure[] => runs.map((r) => r.steps[step]!);

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string => `| ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}

console.log(`\nScale benchmark: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB memory, Node ${process.version}, ${RUNS} interleaved rounds, cold builds; ours with the CMS for ${CMS.PORTAL_CMS_BACKEND}`);
console.log(`portal page mix: ${JSON.stringify(portalPlan(sizes[0]!))} (for ${sizes[0]})`);
console.log('median (min–max) over the rounds; CPU = user + system of the whole process tree\n');
for (const key of ['cpu', 'wall'] as const) {
  console.log(key === 'cpu' ? 'CPU seconds:' : 'wall seconds:');
  table(
    ['pages', 'fair peer (bare + stock Pagefind)', 'Starlight', 'ours (astro + index + check)', 'ours ÷ fair (≤ 2)', 'Starlight ÷ ours (≥ 1.0, aim 1.5)', 'stock Pagefind on ours', 'our index step'],
    sizes.map((pages) => {
      const r = results.get(pages)!;
      const ours = median(of(r.ours, key));
      return [
        String(pages),
        `${sec(of(r.fair, key))} = ${median(of(stepOf(r.fair, 'astro build'), key)).toFixed(1)} + ${median(of(stepOf(r.fair, 'pagefind'), key)).toFixed(1)}`,
        sec(of(r.starlight, key)),
        `${sec(of(r.ours, key))} = ${median(of(stepOf(r.ours, 'astro build'), key)).toFixed(1)} + ${median(of(stepOf(r.ours, 'search index'), key)).toFixed(1)} + ${median(of(stepOf(r.ours, 'publication check'), key)).toFixed(1)}`,
        `${(ours / median(of(r.fair, key))).toFixed(2)}×`,
        `${(median(of(r.starlight, key)) / ours).toFixed(2)}×`,
        sec(of(r.stockOnOurs, key)),
        sec(of(stepOf(r.ours, 'search index'), key)),
      ];
    }),
  );
  console.log('');
}
console.log('peak memory (GB, median; ours: the largest step) and CPU ms per page:');
table(
  ['pages', 'fair peak', 'Starlight peak', 'our peak (≤ 2 GB at 20,000)', 'fair ms/page', 'Starlight ms/page', 'our ms/page', 'load average at each build', 'left behind'],
  sizes.map((pages) => {
    const r = results.get(pages)!;
    const perPage = (runs: Build[]): string => ((median(of(runs, 'cpu')) / pages) * 1000).toFixed(2);
    const loads = PROJECTS.map((p) => `${p} ${r[p].map((b) => b.load.toFixed(1)).join('/')}`).join(', ');
    const left = PROJECTS.flatMap((p) => {
      const names = [...new Set(r[p].flatMap((b) => b.orphans.map((o) => o.replace(/ \(\d+\)$/, ''))))];
      return names.length ? [`${p}: ${names.join(', ')} (${r[p].filter((b) => b.orphans.length).length} of ${r[p].length} builds)`] : [];
    });
    return [String(pages), gb(of(r.fair, 'peak')), gb(of(r.starlight, 'peak')), gb(of(r.ours, 'peak')), perPage(r.fair), perPage(r.starlight), perPage(r.ours), loads, left.length ? left.join('; ') : 'none'];
  }),
);
console.log('\nincremental publishing: one article edited on a built site, built again warm (CPU seconds; target: ≤ 35% of a cold build at 5,000 pages, ≤ 25% at 20,000):');
table(
  ['pages', 'cold (median)', 'warm (astro + index + check)', 'warm ÷ cold', 'pages rendered / from the cache (median)', 'load average at each warm build'],
  sizes.map((pages) => {
    const r = results.get(pages)!;
    const cold = median(of(r.ours, 'cpu'));
    const warm = median(of(r.warm, 'cpu'));
    const step = (name: string): string => median(of(stepOf(r.warm, name), 'cpu')).toFixed(1);
    return [
      String(pages),
      cold.toFixed(1),
      `${sec(of(r.warm, 'cpu'))} = ${step('astro build')} + ${step('search index')} + ${step('publication check')}`,
      `${((warm / cold) * 100).toFixed(0)}%`,
      `${median(r.warm.map((w) => w.rendered))} / ${median(r.warm.map((w) => w.restored))}`,
      r.warm.map((b) => b.load.toFixed(1)).join('/'),
    ];
  }),
);
if (sizes.length > 1) {
  // Linear growth: the CPU each added page costs is the same whatever the size.
  console.log('\nCPU ms per added page (constant = linear growth; target: ours falling or flat from the first size to the last):');
  const pairs = sizes.slice(1).map((p, i) => [sizes[i]!, p] as const);
  for (const project of PROJECTS) {
    const cpu = (pages: number): number => median(of(results.get(pages)![project], 'cpu'));
    console.log(`  ${project.padEnd(9)} ${pairs.map(([a, b]) => `${a}→${b}: ${(((cpu(b) - cpu(a)) / (b - a)) * 1000).toFixed(2)}`).join(', ')}`);
  }
}
removeDiscarded();
