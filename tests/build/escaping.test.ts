import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EARLY_SCRIPT } from '../../src/browser/early-script.ts';
import { fixtureRoot } from '../support/fixture-root.ts';

/**
 * Values from editors' CSV cells and frontmatter reach the page as text, never as markup: the
 * "escaping" fixture names an enterprise <script>alert(1)</script> and puts markup in a news
 * title and summary. The same build sets the footer's filing numbers from the environment.
 */
let outDir: string;
let output = '';
let status: number | null;

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-dist-'));
  const result = spawnSync('astro', ['build', '--outDir', outDir], {
    env: {
      ...process.env,
      PORTAL_CONTENT: fixtureRoot('escaping'),
      PORTAL_ICP: '豫ICP备12345678号-1',
      PORTAL_PUBLIC_SECURITY: '豫公网安备41080202000123号',
      FORCE_COLOR: '0',
    },
    encoding: 'utf8',
    timeout: 120_000,
  });
  status = result.status;
  output = `${result.stdout}\n${result.stderr}`;
});

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

const file = (page: string) => path.join(outDir, page, 'index.html');
// The site's pages; /admin/ (the CMS, no page of the site: no reading modes, a script of its own) is not one.
const allHtml = () =>
  fs
    .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith(`admin${path.sep}`))
    .map((f) => fs.readFileSync(path.join(outDir, f), 'utf8'));

describe('a build with markup in data and frontmatter', () => {
  it('succeeds', () => {
    expect(status, output).toBe(0);
  });

  it('writes the markup as escaped text in the HTML', () => {
    const enterprise = fs.readFileSync(file('enterprises/a-one'), 'utf8');
    expect(enterprise).toMatch(/<h1[^>]*>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
    for (const html of allHtml()) {
      // Inside a quoted attribute value "<" is plain text (a quote would end the value, so quotes are escaped).
      const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
      // The only script elements are the site's own hashed module scripts, the reading modes' early
      // script (its exact text, hashed in the config), and the charts' JSON data blocks, which the
      // browser never runs (and whose text cannot close the element early).
      const scripts = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
      expect(html.split(`<script>${EARLY_SCRIPT}</script>`).length - 1).toBe(1);
      expect(scripts(outsideAttributes, /<script\b/g)).toBe(
        scripts(html, /<script type="module"[ >]/g) + scripts(html, /<script type="application\/json"/g) + 1,
      );
      for (const block of html.match(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>/g) ?? []) {
        expect(block.slice(0, -'</script>'.length).slice(block.indexOf('>') + 1)).not.toMatch(/<\/script|<!--/i);
      }
      expect(outsideAttributes).not.toMatch(/<script>alert|<img src=x|<\/title><script>/);
    }
  });

  it('escapes the markup in the feed twice, for the XML and for the reader that shows the description as HTML', () => {
    const feed = fs.readFileSync(path.join(outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('<description>摘要&quot;&amp;gt;&amp;lt;script&amp;gt;alert(4)&amp;lt;/script&amp;gt;</description>');
  });

  it('shows the markup as text in a browser, and runs none of it', async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`file://${file('enterprises/a-one')}`);
      expect(await page.locator('h1').textContent()).toBe('<script>alert(1)</script>');
      await page.goto(`file://${file('enterprises')}`);
      expect(await page.locator('main').textContent()).toContain('甲二公司"><img src=x onerror=alert(2)>');
      expect(await page.locator('main img').count()).toBe(0);
      await page.goto(`file://${file('news/n-one')}`);
      expect(await page.locator('h1').textContent()).toBe('</title><script>alert(3)</script>测试新闻');
      expect(await page.title()).toContain('</title><script>alert(3)</script>测试新闻');
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe('摘要"><script>alert(4)</script>');
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('marks editors’ links to other sites rel="noopener", and leaves the site’s own alone', () => {
    const news = fs.readFileSync(file('news/n-one'), 'utf8');
    expect(news).toMatch(/<a href="https:\/\/www\.gov\.cn\/" rel="noopener">国务院网站<\/a>/);
    expect(news).toContain('<a href="/quota/">本站名额分配</a>');
  });

  it('shows the filing numbers set at deploy time in the footer, linked to their registers', () => {
    const home = fs.readFileSync(file(''), 'utf8');
    expect(home).toMatch(/<a href="https:\/\/beian\.miit\.gov\.cn\/" rel="noopener"[^>]*>豫ICP备12345678号-1<\/a>/);
    expect(home).toMatch(/<a href="https:\/\/beian\.mps\.gov\.cn\/#\/query\/webSearch\?code=41080202000123" rel="noopener"[^>]*>豫公网安备41080202000123号<\/a>/);
  });
});
