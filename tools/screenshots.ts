// Full-page screenshots of one page of every template of both builds, at a phone's width (360 px)
// and a desktop's (1280 px), in the default look, in large text and in high contrast, for reviewers to look at every
// template after a change to the layout (at 360 px also the first screen, and the home page's menu
// opened), and each template's first printed A4 sheet (Chromium's PDF, rendered by poppler's
// pdftoppm: <template>-print.png). Also measures where <main> starts on a 360 × 740 screen, and at 360 px the narrowest table cell of words
// (default and large text), written to report.json and report.txt beside the images.
//
// Build both sites first (npm run build, npm run build:demo), then: npm run screenshots
// Options: --out <folder> (default screenshots/, ignored by git), --only <template,...>.
// `npm run screenshots -- --cms` instead takes EDITING.md's pictures of the demo's /admin/ into
// docs/editing/ (or --out): tools/cms-screenshots.ts.
// Each build is served by tools/serve.ts on a free port; the servers are stopped by their process id.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { STORAGE_KEY } from '../src/browser/reading-modes.ts';
import { builtPages } from '../tests/e2e/support/site-pages.ts';
import { cellsOfWords } from '../tests/e2e/support/cell-room.ts';
import { cmsScreenshots } from './cms-screenshots.ts';

const { values: args } = parseArgs({
  options: { out: { type: 'string' }, only: { type: 'string' }, cms: { type: 'boolean', default: false } },
});
const OUT = path.resolve(args.out ?? (args.cms ? 'docs/editing' : 'screenshots'));
const ONLY = args.only ? new Set(args.only.split(',')) : undefined;
const BUILDS = { real: 'dist', demo: 'dist-demo' } as const;
type Build = keyof typeof BUILDS;

/** The templates, each as a rule that picks its first page from a build's list of pages. */
const TEMPLATES: { name: string; pick: (pages: string[]) => string | undefined }[] = [
  { name: 'home', pick: (p) => p.find((x) => x === '/') },
  { name: 'notice', pick: (p) => p.find((x) => /^\/notices\/[^/]+\/$/.test(x)) },
  { name: 'quota', pick: (p) => p.find((x) => x === '/quota/') },
  { name: 'participate', pick: (p) => p.find((x) => x === '/participate/') },
  { name: 'enterprise-list', pick: (p) => p.find((x) => x === '/enterprises/') },
  { name: 'enterprise', pick: (p) => p.find((x) => /^\/enterprises\/[^/]+\/$/.test(x)) },
  { name: 'leaderboard', pick: (p) => p.find((x) => x === '/leaderboard/') },
  { name: 'results', pick: (p) => p.find((x) => x === '/results/') },
  { name: 'decision', pick: (p) => p.find((x) => /^\/decisions\/[^/]+\/$/.test(x)) },
  { name: 'honours', pick: (p) => p.find((x) => x === '/honours/') },
  { name: 'honour-record', pick: (p) => p.find((x) => /^\/honours\/[^/]+\/$/.test(x)) },
  { name: 'corrections', pick: (p) => p.find((x) => x === '/corrections/') },
  { name: 'archive', pick: (p) => p.find((x) => x === '/archive/') },
  { name: 'archive-year', pick: (p) => p.find((x) => /^\/archive\/\d{4}\/$/.test(x)) },
  { name: 'news-list', pick: (p) => p.find((x) => x === '/news/') },
  { name: 'news-item', pick: (p) => p.find((x) => /^\/news\/(?!page\/)[^/]+\/$/.test(x)) },
  { name: 'story-list', pick: (p) => p.find((x) => x === '/stories/') },
  { name: 'story', pick: (p) => p.find((x) => /^\/stories\/[^/]+\/$/.test(x)) },
  { name: 'worker-list', pick: (p) => p.find((x) => x === '/workers/') },
  { name: 'worker', pick: (p) => p.find((x) => /^\/workers\/[^/]+\/$/.test(x)) },
  { name: 'open-data', pick: (p) => p.find((x) => x === '/data/') },
  { name: 'search', pick: (p) => (p.includes('/search/') ? '/search/?q=节能' : undefined) },
  { name: '404', pick: () => '/no-such-page/' },
];

const VIEWS = [
  { name: '360', width: 360, height: 740, large: false, contrast: false },
  { name: '360-large', width: 360, height: 740, large: true, contrast: false },
  { name: '360-contrast', width: 360, height: 740, large: false, contrast: true },
  { name: '1280', width: 1280, height: 800, large: false, contrast: false },
  { name: '1280-large', width: 1280, height: 800, large: true, contrast: false },
  { name: '1280-contrast', width: 1280, height: 800, large: false, contrast: true },
] as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts tools/serve.ts for a build folder and resolves once it answers. */
async function serve(dir: string): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join('tools', 'serve.ts'), dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`tools/serve.ts ${dir} stopped (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('serving') && resolve());
  });
  return { child, origin: `http://127.0.0.1:${port}` };
}

const stopped = new Set<number>();
/** Stops a server by its process id, once. */
function stop(child: ChildProcess) {
  if (child.pid === undefined || stopped.has(child.pid) || child.exitCode !== null || child.signalCode !== null) return;
  stopped.add(child.pid);
  process.kill(child.pid, 'SIGTERM');
}

/** Where <main> starts, in CSS px from the top of the page, and how tall the header is. */
const measure = (page: Page) =>
  page.evaluate(() => ({
    mainTop: Math.round(document.querySelector('main')!.getBoundingClientRect().top + window.scrollY),
    headerHeight: Math.round(document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0),
  }));

/**
 * The first A4 sheet as the browser prints it: print styles on (the charts are drawn again for
 * paper), the PDF's first page rendered at 96 dpi.
 */
async function printFirstSheet(page: Page, png: string) {
  await page.emulateMedia({ media: 'print' });
  await page.locator('figure[data-chart]:not([data-failed]):not([data-drawn-for="print"])').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  // The sheet's QR code is a lazily loaded picture: Chromium's printing waits for it, page.pdf() does not.
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.print-origin img')].every((img) => !img.checkVisibility() || (img.complete && img.naturalWidth > 0)), undefined, { timeout: 5_000 }).catch(() => {});
  const pdf = png.replace(/\.png$/, '.pdf');
  fs.writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  execFileSync('pdftoppm', ['-r', '96', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, png.replace(/\.png$/, '')]);
  fs.rmSync(pdf);
  await page.emulateMedia({ media: 'screen' });
}

type Row = { build: Build; template: string; path: string; [view: string]: string | number | undefined };

async function shoot(browser: Browser, build: Build, origin: string): Promise<Row[]> {
  const pages = builtPages(BUILDS[build]);
  const rows: Row[] = [];
  fs.mkdirSync(path.join(OUT, build), { recursive: true });
  for (const view of VIEWS) {
    const context = await browser.newContext({ viewport: { width: view.width, height: view.height }, locale: 'zh-CN' });
    const modes = JSON.stringify({ large: view.large, contrast: view.contrast });
    await context.addInitScript(([key, value]) => localStorage.setItem(key!, value!), [STORAGE_KEY, modes]);
    const page = await context.newPage();
    for (const template of TEMPLATES) {
      if (ONLY && !ONLY.has(template.name)) continue;
      const target = template.pick(pages);
      if (!target) continue;
      let row = rows.find((r) => r.template === template.name);
      if (!row) rows.push((row = { build, template: template.name, path: target }));
      const started = Date.now();
      await page.goto(origin + encodeURI(target), { waitUntil: 'load' });
      if (template.name === 'search') await page.locator('.search-result').first().waitFor({ timeout: 10_000 }).catch(() => {});
      // Charts animate in: let them settle.
      if (await page.locator('canvas').count()) await page.waitForTimeout(800);
      const { mainTop, headerHeight } = await measure(page);
      row[`mainTop ${view.name}`] = mainTop;
      if (view.name === '360') row['header 360'] = headerHeight;
      const file = (suffix = '') => path.join(OUT, build, `${template.name}-${view.name}${suffix}.png`);
      await page.screenshot({ path: file(), fullPage: true });
      if (view.width < 640) {
        // The first screen as a phone shows it, and on the home page the header's menu opened.
        await page.screenshot({ path: file('-screen') });
        if (template.name === 'home') {
          await page.locator('.site-menu > summary').click();
          await page.screenshot({ path: file('-menu') });
        }
      }
      if (view.name === '1280') await printFirstSheet(page, file('-print').replace(/-1280-print\.png$/, '-print.png'));
      if (view.width < 640) {
        // Measured after the screenshots: it opens every chart's folded table.
        const cells = await cellsOfWords(page);
        row[`narrowest cell ${view.name}`] = cells.length ? Math.min(...cells.map((c) => c.chars)).toFixed(1) : '-';
      }
      if (process.env.SCREENSHOTS_VERBOSE) console.log(build, view.name, target, `${Date.now() - started} ms`);
    }
    await context.close();
  }
  return rows;
}

function table(rows: Row[]): string {
  const columns = ['build', 'template', 'path', 'mainTop 360', 'mainTop 360-large', 'header 360', 'mainTop 1280', 'mainTop 1280-large', 'narrowest cell 360', 'narrowest cell 360-large'];
  const cells = [columns, ...rows.map((r) => columns.map((c) => String(r[c] ?? '')))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  return cells.map((line) => line.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}

/** One page of every template of both builds, in every view, with report.json and report.txt. */
async function templates(browser: Browser) {
  for (const build of Object.keys(BUILDS) as Build[]) {
    const { child, origin } = await serve(BUILDS[build]);
    servers.push(child);
    rows.push(...(await shoot(browser, build, origin)));
    stop(child);
  }
  const report = {
    note: '<main> top in CSS px from the top of the page; 360 views at 360 × 740, 1280 views at 1280 × 800; -large: the large-text mode; narrowest cell: the least room of a table cell of four or more Chinese characters, in characters (- : no such cell)',
    quarterOf740: 185,
    pages: rows,
  };
  fs.writeFileSync(path.join(OUT, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  fs.writeFileSync(path.join(OUT, 'report.txt'), table(rows));
  process.stdout.write(table(rows));
  console.log(`\n${rows.length} pages, ${fs.readdirSync(path.join(OUT, 'real')).length + fs.readdirSync(path.join(OUT, 'demo')).length} screenshots in ${path.relative(process.cwd(), OUT) || '.'}/`);
}

const servers: ChildProcess[] = [];
const rows: Row[] = [];
let browser: Browser | undefined;
try {
  for (const dir of args.cms ? [BUILDS.demo] : Object.values(BUILDS)) {
    if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${dir}/ is not built: run npm run build and npm run build:demo first`);
  }
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  if (args.cms) {
    const { child, origin } = await serve(BUILDS.demo);
    servers.push(child);
    const taken = await cmsScreenshots(browser, origin, OUT);
    console.log(`${taken.length} pictures of /admin/ in ${path.relative(process.cwd(), OUT)}/: ${taken.join(', ')}`);
  } else {
    await templates(browser);
  }
} finally {
  await browser?.close();
  for (const child of servers) stop(child);
}
