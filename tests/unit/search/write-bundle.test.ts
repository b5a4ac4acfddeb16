import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { SALT_META, bundlePages, writeBundle } from '../../../src/search/build/write-bundle.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bundle-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const options = { includeCharacters: '', language: 'und' };
const record = (url: string, content: string) => ({ url, content, language: 'und', meta: { o: '' } });
const fragment = (dir: string, id: string) => {
  const raw = fs.readFileSync(path.join(dir, 'fragment', `${id}.pf_fragment`));
  return JSON.parse(zlib.gunzipSync(raw).subarray(12).toString('utf8')) as { url: string; meta: Record<string, string> };
};

describe('writing the bundles of a large index', () => {
  it('a bundle whose page would get an id an earlier bundle has is written again with that page salted', async () => {
    const page = record('/news/b/', '节能 能减 减排');
    // The id this page gets in a bundle of its own.
    const alone = path.join(root, 'alone');
    expect(await writeBundle([page], alone, new Set(), options)).toBe(0);
    const [id] = [...bundlePages(alone).keys()];
    expect(id).toMatch(/^und_[0-9a-f]+$/);

    // An earlier bundle already holds that id.
    const taken = new Set([id!]);
    const dir = path.join(root, 'part-2');
    expect(await writeBundle([page, record('/news/c/', '余热 热回 回收')], dir, taken, options)).toBe(1);
    const pages = bundlePages(dir);
    expect([...pages.keys()]).not.toContain(id);
    expect([...pages.values()].sort()).toEqual(['/news/b/', '/news/c/']);
    // Only the meta tells the salted page apart; its address and words are as they were.
    const salted = [...pages].find(([, url]) => url === '/news/b/')![0];
    expect(fragment(dir, salted).meta[SALT_META]).toBe('1');
    expect(fragment(dir, salted).url).toBe('/news/b/');
    // Every id of this bundle is now taken too.
    for (const k of pages.keys()) expect(taken.has(k)).toBe(true);
  });

  it('the same pages give the same ids every time', async () => {
    const pages = [record('/a/', '节能'), record('/b/', '减排')];
    await writeBundle(pages, path.join(root, 'one'), new Set(), options);
    await writeBundle(pages, path.join(root, 'two'), new Set(), options);
    expect([...bundlePages(path.join(root, 'one'))]).toEqual([...bundlePages(path.join(root, 'two'))]);
  });
});
