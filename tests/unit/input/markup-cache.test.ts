import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readMarkupCache, writeMarkupCache } from '../../../src/input/markup/markup-cache.ts';
import { markupProblems } from '../../../src/input/markup/markup-problems.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { fixtureRoot, treeHash } from '../../support/fixture-root.ts';

/** The build's cache of the markup check: the same problems as checking afresh, wherever the body is. */
const cacheFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-markup-cache-')), 'markup.json');

const bodies: [string, string][] = [
  ['content/news/a.md', '正文。\n\n<script>alert(1)</script>\n\n<p class="red">x</p>'],
  ['content/stories/b.mdx', '正文。\n\n温度<80度'],
  ['content/stories/c.mdx', '正文。\n\n节能率 {约 5%} 以上\n'],
  ['content/news/d.md', '没有问题的正文。'],
];

describe('the markup check’s cache between builds', () => {
  it('gives the problems checking afresh gives, at their lines, for a body moved within its file or to another', () => {
    const file = cacheFile();
    const cold = readMarkupCache(file);
    for (const [name, body] of bodies) expect(markupProblems(body, 5, name, cold)).toEqual(markupProblems(body, 5, name));
    writeMarkupCache(file, cold);
    const warm = readMarkupCache(file);
    expect(warm.saved.size).toBe(bodies.length);
    for (const [name, body] of bodies) {
      expect(markupProblems(body, 5, name, warm)).toEqual(markupProblems(body, 5, name));
      // More frontmatter above it, or the same text in another file of the same kind.
      const moved = name.replace(/\/(\w)\./, '/moved-$1.');
      expect(markupProblems(body, 31, moved, warm)).toEqual(markupProblems(body, 31, moved));
    }
    expect(markupProblems(bodies[0]![1], 31, 'content/news/a.md', warm).map((p) => p.line)).toEqual([33, 35]);
    expect(markupProblems(bodies[1]![1], 31, 'content/stories/b.mdx', warm)).toEqual([expect.objectContaining({ file: 'content/stories/b.mdx', line: 33, column: 3 })]);
  });

  it('answers from the cache by the body’s text, and checks a changed body afresh', () => {
    const file = cacheFile();
    const [name, body] = bodies[0]!;
    const cold = readMarkupCache(file);
    markupProblems(body, 1, name, cold);
    writeMarkupCache(file, cold);
    // An answer changed in the file shows: the body was not parsed again.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('正文中不能使用', '（缓存）'));
    expect(markupProblems(body, 1, name, readMarkupCache(file))[0]!.message).toMatch(/^（缓存）/);
    // The same file with its body edited is checked afresh.
    const edited = body.replace('<p class="red">x</p>', '<iframe></iframe>');
    expect(markupProblems(edited, 1, name, readMarkupCache(file))).toEqual(markupProblems(edited, 1, name));
  });

  it('tells Markdown from MDX: the same text is checked afresh as the other kind', () => {
    const file = cacheFile();
    const first = readMarkupCache(file);
    expect(markupProblems('温度<80度', 1, 'content/news/x.md', first)).toEqual([]);
    writeMarkupCache(file, first);
    const cache = readMarkupCache(file);
    expect(markupProblems('温度<80度', 1, 'content/stories/x.mdx', cache)).toEqual(markupProblems('温度<80度', 1, 'content/stories/x.mdx'));
    expect(markupProblems('温度<80度', 1, 'content/stories/x.mdx', cache)).toHaveLength(1);
  });

  it('ignores a corrupt cache and one written by other code', () => {
    const file = cacheFile();
    const [name, body] = bodies[0]!;
    const cache = readMarkupCache(file);
    markupProblems(body, 1, name, cache);
    writeMarkupCache(file, cache);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8').replaceAll('正文中不能使用', '（缓存）')) as { version: string };
    fs.writeFileSync(file, JSON.stringify({ ...saved, version: 'other code' }));
    expect(readMarkupCache(file).saved.size).toBe(0);
    expect(markupProblems(body, 1, name, readMarkupCache(file))).toEqual(markupProblems(body, 1, name));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 20));
    expect(markupProblems(body, 1, name, readMarkupCache(file))).toEqual(markupProblems(body, 1, name));
  });

  it('keeps exactly the bodies of this run', () => {
    const file = cacheFile();
    const first = readMarkupCache(file);
    for (const [name, body] of bodies) markupProblems(body, 1, name, first);
    writeMarkupCache(file, first);
    const second = readMarkupCache(file);
    markupProblems(bodies[1]![1], 1, bodies[1]![0], second);
    writeMarkupCache(file, second);
    expect(readMarkupCache(file).saved.size).toBe(1);
  });

  it('gives the content check the same problems through it, leaving the editors’ files as they were', () => {
    const root = fixtureRoot('html-script', 'payloads');
    const before = treeHash(root);
    const expected = readPortalData(diskRoot(root)).problems;
    expect(expected.some((p) => /<script>/.test(p.message))).toBe(true);
    const file = cacheFile();
    const cold = readMarkupCache(file);
    expect(readPortalData(diskRoot(root), cold).problems).toEqual(expected);
    writeMarkupCache(file, cold);
    const warm = readMarkupCache(file);
    expect(warm.saved.size).toBeGreaterThan(0);
    expect(readPortalData(diskRoot(root), warm).problems).toEqual(expected);
    expect([...warm.used.keys()].sort()).toEqual([...warm.saved.keys()].sort());
    expect(treeHash(root)).toBe(before);
  });
});
