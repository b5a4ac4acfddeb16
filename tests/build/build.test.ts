import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../tools/build-site.ts';
import { checkLinks } from '../../tools/links.ts';
import { fixtureRoot, treeHash } from '../support/fixture-root.ts';
import { imageMetadata } from '../../src/input/uploads/image.ts';

/** Runs the real build (every step of `npm run build`) on a content root, into a throwaway folder. */
function build(root: string, outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-dist-')), 'dist')) {
  const result = buildSite(outDir, { PORTAL_CONTENT: root });
  // The throwaway root's content cache (see astro.config.mjs) is of no further use.
  fs.rmSync(path.join('node_modules', '.astro', 'roots', root.replace(/[^a-zA-Z0-9]+/g, '-')), { recursive: true, force: true });
  return { ...result, outDir };
}

/** A folder holding a previous site, to see what a build does to it. */
function previousSite(): string {
  const outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-dist-')), 'dist');
  fs.mkdirSync(outDir);
  fs.writeFileSync(path.join(outDir, 'index.html'), '<p>上一次生成的网站</p>');
  return outDir;
}

/** What lies beside the output folder: nothing of the build's own working folders may stay. */
const siblings = (outDir: string) => fs.readdirSync(path.dirname(outDir));

describe('the build', () => {
  it('fails on bad input, listing every problem in Chinese, and leaves editors’ files untouched', () => {
    const root = fixtureRoot('many-problems');
    const before = treeHash(root);
    const { status, output, outDir } = build(root);
    expect(status).not.toBe(0);
    expect(output).toContain('内容检查发现');
    expect(output).toContain('第 2 行，E 列“quota（参赛名额）”：此项必填，不能留空');
    expect(output).toContain('data/enterprises.csv\n  1. 第 1 行，E 列“phone”');
    expect(output).toContain('data/participation.csv\n  2. 第 6 行');
    expect(output).not.toContain('Stack trace');
    expect(fs.existsSync(path.join(outDir, 'index.html'))).toBe(false);
    expect(treeHash(root)).toBe(before);
  });

  it('stops on a missing picture before building, naming the Markdown file, line and picture', () => {
    const { status, output, outDir } = build(fixtureRoot('missing-image'));
    expect(status).not.toBe(0);
    expect(output).toContain('content/news/n-one.md\n  1. 第 9 行第 1 个字：图片“./images/qidong.jpg”不存在');
    expect(fs.existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });

  it('stops on uploads it cannot publish, naming each: a worker’s photo too large to decode, a PDF that runs script', () => {
    const { status, output, outDir } = build(fixtureRoot('worker-photo-bomb', 'files-pdf-javascript'));
    expect(status).not.toBe(0);
    expect(output).toContain('content/workers/photos/wang-wu.png\n  1. 图片有 30000 × 30000 像素（90000 万像素），超过了 4000 万像素的上限');
    expect(output).toContain('files/a-one-2019-plan.pdf\n  2. PDF 里有 JavaScript 脚本');
    expect(fs.existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });

  it('publishes pictures under files/ cleaned of their metadata, leaving the editor’s files as they were', async () => {
    const root = fixtureRoot('files-jpeg-gps', 'files-png-text-chunk');
    const before = treeHash(root);
    const { status, output, outDir } = build(root);
    expect(status, output).toBe(0);
    for (const file of ['files/a-one-photo.jpg', 'files/a-one-chart.png']) {
      const published = fs.readFileSync(path.join(outDir, file));
      expect(await imageMetadata(published), file).toEqual([]);
      expect(published.includes('13912345678'), file).toBe(false);
    }
    expect(treeHash(root)).toBe(before);
  });

  it('a refused build leaves the previous site as it was and no partial folder', () => {
    const outDir = previousSite();
    const { status } = build(fixtureRoot('many-problems'), outDir);
    expect(status).not.toBe(0);
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>上一次生成的网站</p>');
    expect(siblings(outDir)).toEqual(['dist']);
  });

  it('a build that fails while writing pages leaves the previous site as it was', () => {
    // Passes the content check; the chart finds no such enterprise only when its page is rendered,
    // after other pages have been written.
    const root = fixtureRoot('good');
    const story = path.join(root, 'content', 'stories', 's-one.mdx');
    fs.writeFileSync(story, fs.readFileSync(story, 'utf8').replace('正文。', '正文。\n\n<EnterpriseEnergyChart enterprise="ghost" />'));
    const outDir = previousSite();
    const { status, output } = build(root, outDir);
    expect(status, output).not.toBe(0);
    expect(output).toContain('ghost');
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>上一次生成的网站</p>');
    expect(siblings(outDir)).toEqual(['dist']);
  });

  it('a successful build replaces the previous site whole', () => {
    const outDir = previousSite();
    const { status, output } = build(fixtureRoot('good'), outDir);
    expect(status, output).toBe(0);
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('测试竞赛');
    expect(fs.existsSync(path.join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(siblings(outDir)).toEqual(['dist']);
  });

  it('the link check of the built site names each broken link with its page', () => {
    const { status, output, outDir } = build(fixtureRoot('broken-link'));
    expect(status, output).toBe(0);
    expect(checkLinks(outDir).broken).toEqual([
      { page: '/notices/test-notice/', target: '/news/no-such-news/', reason: '网站中没有 /news/no-such-news/ 这个文件或网页' },
      { page: '/notices/test-notice/', target: '#no-such-anchor', reason: '网页 /notices/test-notice/ 上没有 id 为“no-such-anchor”的位置' },
      { page: '/notices/test-notice/', target: '/images/nothere.png', reason: '网站中没有 /images/nothere.png 这个文件或网页' },
    ]);
  });

  it('builds any content root with the same layout', () => {
    const root = fixtureRoot('good');
    const before = treeHash(root);
    const { status, output, outDir } = build(root);
    expect(status, output).toBe(0);
    const home = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(home).toContain('测试竞赛');
    expect(fs.existsSync(path.join(outDir, 'enterprises', 'a-one', 'index.html'))).toBe(true);
    expect(checkLinks(outDir).broken).toEqual([]);
    expect(treeHash(root)).toBe(before);
  });

  it('a newcomer’s build of the real site warns of nothing: empty news, stories and workers are its normal state', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-real-'));
    for (const folder of ['content', 'data']) fs.cpSync(folder, path.join(root, folder), { recursive: true });
    for (const dir of ['news', 'stories', 'workers']) expect(fs.readdirSync(path.join(root, 'content', dir)).filter((name) => /\.mdx?$/.test(name))).toEqual([]);
    const { status, output } = build(root);
    expect(status, output).toBe(0);
    expect(output).not.toMatch(/WARN|warning/i);
  });
});
