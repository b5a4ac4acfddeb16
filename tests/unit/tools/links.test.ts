import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, formatBrokenLinks, sourceFinder } from '../../../tools/links.ts';
import { writeTree } from '../../support/tree.ts';

/** A tiny built site: file path → content. */
const site = (files: Record<string, string>) => writeTree(files, 'portal-links-');

const page = (body: string, head = '') =>
  `<!doctype html><html lang="zh-CN"><head>${head}<link rel="canonical" href="https://portal.example/"></head><body>${body}</body></html>`;

describe('checkLinks over a built site', () => {
  it('accepts what static hosts serve: trailing slash or not, encoded names, anchors, srcset, css url()', () => {
    const dist = site({
      'index.html': page(
        `<a href="/news/">新闻</a><a href="/news">新闻</a><a href="news/a/#h-1">甲</a><a href="/files/%E6%96%B9%E6%A1%88.pdf">方案</a>
         <img src="/_astro/p.webp" srcset="/_astro/p.webp 1x, /_astro/p2.webp 2x" alt=""><a href="#main">跳到正文</a><main id="main"></main>
         <a href="https://elsewhere.example/x">外站</a><a href="mailto:a@b.c">信</a><a href="tel:03913568888">电话</a>
         <script>const s = '<a href="/nowhere/">';</script><!-- <a href="/commented/"> -->`,
        '<link rel="stylesheet" href="/_astro/s.css">',
      ),
      'news/index.html': page('<a href="../">首页</a><a href="a/">甲</a>'),
      'news/a/index.html': page('<h2 id="h-1">一</h2><a href="https://portal.example/news/">新闻</a>'),
      'files/方案.pdf': '%PDF',
      '_astro/p.webp': '',
      '_astro/p2.webp': '',
      '_astro/s.css': 'body{background:url(/_astro/p.webp)}',
      'rss.xml': '<rss><channel><link>https://portal.example/</link><item><link>https://portal.example/news/a/</link></item></channel></rss>',
    });
    const report = checkLinks(dist);
    expect(report.broken).toEqual([]);
    expect(report.files).toBe(5);
    expect(report.links).toBeGreaterThan(15);
  });

  it('names the page and the target of each broken link, picture, anchor, feed or sitemap entry', () => {
    const dist = site({
      'index.html': page('<a href="/news/b/">乙</a><img src="./img/x.png" alt=""><a href="/news/a/#nowhere">甲</a>'),
      'news/a/index.html': page('<h2 id="h-1">一</h2>'),
      '_astro/s.css': 'a{background:url("/_astro/gone.svg")}',
      'sitemap-0.xml': '<urlset><url><loc>https://portal.example/news/c/</loc></url></urlset>',
    });
    expect(checkLinks(dist).broken).toEqual([
      { page: '/_astro/s.css', target: '/_astro/gone.svg', reason: '网站中没有 /_astro/gone.svg 这个文件或网页' },
      { page: '/', target: '/news/b/', reason: '网站中没有 /news/b/ 这个文件或网页' },
      { page: '/', target: './img/x.png', reason: '网站中没有 /img/x.png 这个文件或网页' },
      { page: '/', target: '/news/a/#nowhere', reason: '网页 /news/a/ 上没有 id 为“nowhere”的位置' },
      { page: '/sitemap-0.xml', target: 'https://portal.example/news/c/', reason: '网站中没有 /news/c/ 这个文件或网页' },
    ]);
  });

  it('ignores the canonical address of the 404 page, which is served everywhere', () => {
    const dist = site({ 'index.html': page(''), '404.html': page('').replace('https://portal.example/', 'https://portal.example/404/') });
    expect(checkLinks(dist).broken).toEqual([]);
  });

  it('says which editor’s file made the page', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-root-'));
    fs.mkdirSync(path.join(root, 'content', 'stories'), { recursive: true });
    fs.writeFileSync(path.join(root, 'content', 'stories', 'x.mdx'), '');
    const text = formatBrokenLinks(
      { files: 1, links: 1, broken: [{ page: '/stories/x/', target: '/y/', reason: '网站中没有 /y/ 这个文件或网页' }] },
      sourceFinder(root),
    );
    expect(text).toContain('网页 /stories/x/（由 content/stories/x.mdx 生成）\n  → /y/：网站中没有 /y/ 这个文件或网页');
  });
});
