// First load of the demo's /admin/, as README.md ("The CMS at /admin/") gives it: requests, bytes
// transferred (gzip) and the time to an editable form, for one or more built sites served side by
// side by tools/serve.ts and loaded in turn (so a busy machine slows each alike). Each load is what
// the second test of tests/e2e/demo/cms.spec.ts does: a fresh browser context (cold cache, empty
// storage), /admin/, 使用测试仓库, a new news item, until its title can be typed in (and the page's
// main-thread time in tasks so far, which a busy machine disturbs less than the wall clock); then
// the page is left to finish loading and every request is counted.
//
//   node tools/bench/admin-load.ts dist-demo                       one build, 4 rounds
//   node tools/bench/admin-load.ts before/ dist-demo --rounds 6    two builds, interleaved
//   BENCH_PORT=4413 …                                             first port (default 4413)
//   … --list                                                       every request of the last round
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, expect } from '@playwright/test';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, name.startsWith('--list') ? 1 : 2)[1] ?? '';
};
const rounds = Number(option('--rounds') ?? 4);
const list = option('--list') !== undefined;
const dirs = args.length > 0 ? args : ['dist-demo'];
const firstPort = Number(process.env.BENCH_PORT ?? 4413);

interface Load {
  requests: number;
  bytes: number;
  editable: number;
  /** The page's main-thread time in tasks until then (CDP Performance TaskDuration): less at the mercy of a busy machine than the wall clock. */
  busy: number;
  urls: [string, number][];
}

async function serve(dir: string, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['tools/serve.ts', dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.once('data', () => resolve());
    server.once('exit', (code) => reject(new Error(`${dir}: server stopped (${code})`)));
  });
  return server;
}

async function load(browser: import('@playwright/test').Browser, origin: string): Promise<Load> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, baseURL: origin });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  const urlOf = new Map<string, string>();
  const urls: [string, number][] = [];
  let last = performance.now();
  cdp.on('Network.requestWillBeSent', (e) => {
    urlOf.set(e.requestId, e.request.url);
    last = performance.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    urls.push([new URL(urlOf.get(e.requestId) ?? 'about:blank').pathname, e.encodedDataLength]);
    last = performance.now();
  });
  let failed = 0;
  cdp.on('Network.loadingFailed', () => {
    failed++;
    last = performance.now();
  });
  const started = performance.now();
  await page.goto('/admin/');
  await page.getByRole('button', { name: '使用测试仓库' }).click();
  await page.goto('/admin/#/collections/news/new');
  await expect(page.getByRole('textbox', { name: '标题' })).toBeEditable({ timeout: 60_000 });
  const editable = performance.now() - started;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const busy = (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  // Then what the page still loads (the preview, fonts): until nothing has been asked for or
  // received for 2 s (Playwright's networkidle is the navigation's, which the hash change is not).
  while (performance.now() - last < 2000 || urls.length + failed < urlOf.size) {
    if (performance.now() - started > 60_000) throw new Error(`${origin}: still loading after 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await context.close();
  return { requests: urls.length, bytes: urls.reduce((s, [, b]) => s + b, 0), editable, busy, urls };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: number[], f: (x: number) => string) => (Math.min(...xs) === Math.max(...xs) ? f(xs[0]!) : `${f(Math.min(...xs))}–${f(Math.max(...xs))}`);
const kb = (b: number) => `${Math.round(b / 1024).toLocaleString('en')} KB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const servers = await Promise.all(dirs.map((dir, i) => serve(dir, firstPort + i)));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const results: Load[][] = dirs.map(() => []);
try {
  for (let round = 0; round < rounds; round++) {
    // Each round starts with the next build: the load right after another's is the slower one
    // (the browser is still tearing the last context down), so no build is always second.
    for (const i of dirs.map((_, k) => (k + round) % dirs.length)) {
      const dir = dirs[i]!;
      const r = await load(browser, `http://127.0.0.1:${firstPort + i}`);
      results[i]!.push(r);
      console.log(`round ${round + 1} ${dir}: ${r.requests} requests, ${kb(r.bytes)}, editable after ${s(r.editable)} (main thread busy ${s(r.busy)})`);
    }
  }
  for (const [i, dir] of dirs.entries()) {
    const rs = results[i]!;
    console.log(
      `${dir}: ${range(rs.map((r) => r.requests), String)} requests, ${range(rs.map((r) => r.bytes), kb)}, editable after ${range(rs.map((r) => r.editable), s)} (median ${s(median(rs.map((r) => r.editable)))}), main thread busy ${range(rs.map((r) => r.busy), s)} (median ${s(median(rs.map((r) => r.busy)))})`,
    );
    if (list) for (const [url, bytes] of rs.at(-1)!.urls) console.log(`  ${kb(bytes).padStart(9)}  ${url}`);
  }
} finally {
  await browser.close();
  for (const server of servers) server.kill();
}
