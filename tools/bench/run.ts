// Scale benchmark: builds fictional campaigns of 1,000, 5,000 and 20,000 pages with this
// project, and a bare Astro project with the same number of plain Markdown pages, in the same
// run, and prints for each: build time (wall and CPU), search-indexing time, peak memory and
// output size.
//
//   npm run bench                    sizes 1000 5000 20000
//   npm run bench -- 1000 5000       chosen sizes
//   BENCH_RUNS=3 npm run bench       builds each project 3 times per size (default 2)
//
// - Builds are cold: each project's content cache is removed first.
// - Peak memory is the largest sum of resident memory over the whole process tree (astro and
//   every worker it starts), sampled from /proc every 100 ms.
// - CPU time is user + system time of the tree (GNU time), less sensitive than wall time to
//   other work on the machine; the load average at the start of each build is printed too.
// - Each project is built BENCH_RUNS times per size, alternating bare and ours, and the fastest
//   run (wall and CPU separately) and the largest peak are reported: the minimum is the run least
//   disturbed by whatever else the two cores were doing.
// - Our build is what `npm run build` runs: `astro build`, the search index (the exact-search
//   Pagefind index) and the publication check, each in its own process. Its time and CPU are the
//   sum of its steps, its peak the largest; the index step is also printed apart. The bare project has no search index.
// Everything is generated under .bench/ (ignored by git) and left there for a look.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSteps } from '../build-site.ts';
import { bare, portal, portalPlan } from './generate.ts';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(1000, 5000, 20000);
const BENCH = path.resolve('.bench');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 2));
const PAGE = 4096;

/** One measured command: wall and CPU seconds, peak resident bytes of its process tree. */
interface Measure {
  wall: number;
  cpu: number;
  peak: number;
}

/** Our build: the sum of its steps, plus the Astro and the index step apart. */
interface OurRun extends Measure {
  astro: Measure;
  index: Measure;
}

/** One size's results, in bytes and seconds. */
interface Row {
  pages: number;
  html: string;
  bareWall: number;
  bareCpu: number;
  barePeak: number;
  bareSize: number;
  ourWall: number;
  ourCpu: number;
  ourPeak: number;
  ourSize: number;
  loads: string;
  indexWall: number;
  indexPeak: number;
  indexSize: number;
  astroWall: number;
  astroCpu: number;
  astroPeak: number;
}

/** Pids of a process and all its descendants. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(pid));
    } catch {
      // exited meanwhile
    }
  }
  const all: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    all.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return all;
}

function rss(pids: number[]): number {
  let bytes = 0;
  for (const pid of pids) {
    try {
      bytes += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      // exited meanwhile
    }
  }
  return bytes;
}

/** Runs a command under GNU time, sampling the tree's memory; returns wall s, CPU s, peak bytes. */
function measure(
  command: string,
  args: string[],
  { env = {}, cwd = process.cwd(), log }: { env?: Record<string, string>; cwd?: string; log: string },
): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const timeFile = path.join(BENCH, 'time.txt');
    const child = spawn('/usr/bin/time', ['-f', '%e %U %S', '-o', timeFile, command, ...args], {
      cwd,
      env: { ...process.env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', fs.openSync(log, 'w'), fs.openSync(log, 'a')],
    });
    let peak = 0;
    // No pid when the spawn failed; the 'error' handler reports that.
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, rss(tree(child.pid)));
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} failed (${code}); see ${log}`));
      // The format line is the last: GNU time may write a status line before it.
      const [wall = NaN, user = NaN, sys = NaN] = (fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
      resolve({ wall, cpu: user + sys, peak });
    });
  });
}

function du(dir: string): number {
  let bytes = 0;
  for (const f of fs.readdirSync(dir, { encoding: 'utf8', recursive: true })) {
    const s = fs.statSync(path.join(dir, f));
    if (s.isFile()) bytes += s.size;
  }
  return bytes;
}

const countHtml = (dir: string): number => fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
const s = (x: number): string => `${x.toFixed(1)} s`;
const load = (): string => os.loadavg()[0]!.toFixed(1); // loadavg() is always three numbers

fs.mkdirSync(path.join(BENCH, 'logs'), { recursive: true });
const astro = path.resolve('node_modules/astro/bin/astro.mjs');
const rows: Row[] = [];
for (const pages of sizes) {
  const portalRoot = path.join(BENCH, 'examples', `campaign-${pages}`); // built as a 示例 site (PORTAL_DEMO below)
  const bareRoot = path.join(BENCH, `bare-${pages}`);
  const portalOut = path.join(BENCH, 'out', `campaign-${pages}`);
  const bareOut = path.join(BENCH, 'out', `bare-${pages}`);
  process.stderr.write(`generating ${pages} pages …\n`);
  portal(portalRoot, pages);
  bare(bareRoot, pages);
  const rel = path.relative(process.cwd(), portalRoot);

  const bareRuns: Measure[] = [];
  const ourRuns: OurRun[] = [];
  const loads: string[] = [];
  for (let run = 1; run <= RUNS; run++) {
    // Cold: no content cache from an earlier run.
    for (const dir of [portalOut, bareOut, path.join(bareRoot, 'node_modules'), path.join(bareRoot, '.astro')]) fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.resolve('node_modules/.astro/roots', rel.replace(/[^a-zA-Z0-9]+/g, '-')), { recursive: true, force: true });
    process.stderr.write(`bare Astro, ${pages} pages, run ${run} (load ${load()}) …\n`);
    loads.push(load());
    bareRuns.push(await measure(process.execPath, [astro, 'build', '--root', bareRoot, '--outDir', bareOut], { log: path.join(BENCH, 'logs', `bare-${pages}-${run}.log`) }));
    process.stderr.write(`portal, ${pages} pages, run ${run} (load ${load()}) …\n`);
    loads.push(load());
    const steps: Measure[] = [];
    for (const [name, args] of buildSteps(portalOut)) {
      steps.push(
        await measure(process.execPath, args, {
          env: { PORTAL_CONTENT: rel, PORTAL_NOW: '2024-06-01', PORTAL_DEMO: '1' },
          log: path.join(BENCH, 'logs', `campaign-${pages}-${run}-${name.replace(/ /g, '-')}.log`),
        }),
      );
    }
    // Every step counts towards our build; the Astro and index steps (buildSteps' first two) are
    // also shown on their own.
    const [astroStep, indexStep] = steps as [Measure, Measure, ...Measure[]];
    const total = (key: 'wall' | 'cpu'): number => steps.reduce((s, step) => s + step[key], 0);
    ourRuns.push({ wall: total('wall'), cpu: total('cpu'), peak: Math.max(...steps.map((step) => step.peak)), astro: astroStep, index: indexStep });
  }
  const best = (runs: Measure[]): Measure => ({ wall: Math.min(...runs.map((r) => r.wall)), cpu: Math.min(...runs.map((r) => r.cpu)), peak: Math.max(...runs.map((r) => r.peak)) });
  const bareRun = best(bareRuns);
  const ourRun = best(ourRuns);
  const ourSize = du(portalOut);
  const index = best(ourRuns.map((r) => r.index));
  const astroOnly = best(ourRuns.map((r) => r.astro));
  const indexSize = du(path.join(portalOut, 'pagefind'));

  rows.push({
    pages,
    html: `${countHtml(portalOut)}/${countHtml(bareOut)}`,
    bareWall: bareRun.wall, bareCpu: bareRun.cpu, barePeak: bareRun.peak, bareSize: du(bareOut),
    ourWall: ourRun.wall, ourCpu: ourRun.cpu, ourPeak: ourRun.peak, ourSize, loads: loads.join(' '),
    indexWall: index.wall, indexPeak: index.peak, indexSize, astroWall: astroOnly.wall, astroCpu: astroOnly.cpu, astroPeak: astroOnly.peak,
  });
  console.error(JSON.stringify(rows.at(-1)));
}

const header = ['pages', 'html files (ours/bare)', 'bare build', 'bare CPU', 'bare peak', 'bare size', 'our build (astro + index)', 'our CPU', 'ratio wall/CPU', 'astro step alone: wall, ratio', 'our peak (larger step)', 'our size', 'index step', 'index peak', 'index size', 'load avg at each build'];
const table = rows.map((r) => [
  String(r.pages), r.html, s(r.bareWall), s(r.bareCpu), mb(r.barePeak), mb(r.bareSize), s(r.ourWall), s(r.ourCpu),
  `${(r.ourWall / r.bareWall).toFixed(2)}x / ${(r.ourCpu / r.bareCpu).toFixed(2)}x`,
  `${s(r.astroWall)}, ${(r.astroWall / r.bareWall).toFixed(2)}x`, mb(r.ourPeak), mb(r.ourSize),
  s(r.indexWall), mb(r.indexPeak), mb(r.indexSize), r.loads,
]);
const widths = header.map((h, c) => Math.max(h.length, ...table.map((r) => (r[c] ?? '').length)));
const line = (r: string[]): string => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ');
console.log(`\nScale benchmark: ${os.cpus().length} cores, ${mb(os.totalmem())} memory, Node ${process.version}`);
const first = sizes[0]!; // never empty: the default sizes above
console.log(`portal page mix at each size: ${JSON.stringify(portalPlan(first))} (for ${first})`);
console.log(line(header));
for (const r of table) console.log(line(r));
if (rows.length > 1) {
  // Linear growth means a constant cost per added page, whatever the size.
  const pairs = rows.slice(1).map((r, i) => [rows[i]!, r] as const); // each size with the one before
  const marginal = (key: 'ourCpu' | 'astroCpu' | 'bareCpu' | 'indexWall'): string =>
    pairs.map(([p, r]) => `${p.pages}→${r.pages}: ${(((r[key] - p[key]) / (r.pages - p.pages)) * 1000).toFixed(2)} ms`).join(', ');
  console.log('\ncost per added page (constant = linear growth):');
  console.log(`  our build, CPU:  ${marginal('ourCpu')}`);
  console.log(`  astro step, CPU: ${marginal('astroCpu')}`);
  console.log(`  bare build, CPU: ${marginal('bareCpu')}`);
  console.log(`  search index:    ${marginal('indexWall')}`);
  console.log(`  our peak memory: ${pairs.map(([p, r]) => `${p.pages}→${r.pages}: ${((r.ourPeak - p.ourPeak) / (r.pages - p.pages) / 1024).toFixed(0)} KB`).join(', ')}`);
}
