import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneBundles, type BundleCache } from '../../../src/search/build/bundle-cache.ts';
import { bundlePages, writeBundle } from '../../../src/search/build/write-bundle.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bundle-cache-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const options = { includeCharacters: '', language: 'und' };
const record = (url: string, content: string) => ({ url, content, language: 'und', meta: { o: '' } });
const pages = [record('/news/a/', '节能 能减 减排'), record('/news/b/', '余热 热回 回收')];
const cache: BundleCache = { dir: path.join(root, 'cache'), used: new Set(), restored: 0 };
/** Every file under dir with its bytes. */
const tree = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]),
  );

describe('the cache of written index bundles', () => {
  const first = path.join(root, 'first');
  it('keeps a written bundle, and gives the same bundle back when its records are the same', async () => {
    await writeBundle(pages, first, new Set(), options, cache);
    const [key] = [...cache.used];
    // A mark only the cached copy has: a bundle written afresh would not carry it.
    fs.writeFileSync(path.join(cache.dir, key!, 'from-the-cache'), '');
    const taken = new Set<string>();
    const again = path.join(root, 'again');
    // The same records with their fields in another order, as the record cache gives them.
    await writeBundle(pages.map(({ url, ...rest }) => ({ ...rest, url })), again, taken, options, cache);
    expect(fs.existsSync(path.join(again, 'from-the-cache'))).toBe(true);
    expect(cache.restored).toBe(1);
    const { 'from-the-cache': _mark, ...files } = tree(again);
    expect(files).toEqual(tree(first));
    // Its ids are taken, as if it had been written.
    expect([...taken].sort()).toEqual([...bundlePages(first).keys()].sort());
  });

  it('writes the bundle afresh when a record changed, or when one of its ids is already taken', async () => {
    const changed = path.join(root, 'changed');
    await writeBundle([pages[0]!, record('/news/b/', '余热 热回 回收 收了')], changed, new Set(), options, cache);
    expect(fs.existsSync(path.join(changed, 'from-the-cache'))).toBe(false);

    const clash = path.join(root, 'clash');
    const taken = new Set([[...bundlePages(first).keys()][0]!]);
    await writeBundle(pages, clash, taken, options, cache);
    expect(fs.existsSync(path.join(clash, 'from-the-cache'))).toBe(false);
    // Written again with a salted page, so none of its ids is one taken before.
    expect([...bundlePages(clash).keys()].filter((id) => [...bundlePages(first).keys()].includes(id))).toHaveLength(1);
  });

  it('is written afresh when its cached entry is unreadable, and keeps only the bundles the last build used', async () => {
    const [key] = [...cache.used];
    fs.writeFileSync(path.join(cache.dir, key!, 'bundle.json'), '{ not json');
    const broken = path.join(root, 'broken');
    const used: BundleCache = { dir: cache.dir, used: new Set(), restored: 0 };
    await writeBundle(pages, broken, new Set(), options, used);
    expect(fs.existsSync(path.join(broken, 'from-the-cache'))).toBe(false);
    expect(tree(broken)).toEqual(tree(first));
    pruneBundles(used);
    expect(fs.readdirSync(cache.dir)).toEqual([...used.used]);
  });
});
