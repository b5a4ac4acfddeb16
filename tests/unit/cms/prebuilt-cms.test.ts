import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import sveltiaCms, { prebuiltCms } from '../../../src/astro/integrations/sveltia-prebuilt.ts';

/** Sveltia CMS bundled once ahead of the build, kept in the build cache, copied into the site. */
// How many times esbuild bundled: a kept bundle is reused without it.
const bundled = vi.hoisted(() => ({ count: 0, outdirs: [] as string[] }));
vi.mock('esbuild', async (importOriginal) => {
  const esbuild = await importOriginal<typeof import('esbuild')>();
  return { ...esbuild, build: (options: Parameters<typeof esbuild.build>[0]) => (bundled.count++, bundled.outdirs.push(options.outdir!), esbuild.build(options)) };
});
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prebuilt-cms-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A stand-in for the package: its module (at the path the rules recognise) and its assets/. */
function fakePackage(name: string, code: string, assets: Record<string, string> = {}): string {
  const npm = path.join(tmp, name, 'node_modules', '@sveltia', 'cms', 'npm');
  fs.mkdirSync(path.join(npm, 'assets'), { recursive: true });
  for (const [file, text] of Object.entries(assets)) fs.writeFileSync(path.join(npm, 'assets', file), text);
  fs.writeFileSync(path.join(npm, 'index.js'), code);
  return path.join(npm, 'index.js');
}

/** The folders under the cache's sveltia-cms/, finished or not. */
const kept = (cache: string) => (fs.existsSync(path.join(cache, 'sveltia-cms')) ? fs.readdirSync(path.join(cache, 'sveltia-cms')).sort() : []);

describe('the prebuilt CMS bundle', () => {
  const cache = path.join(tmp, 'cache');

  it('bundles the real package with its own fonts and files, and reuses it while the version is unchanged', async () => {
    const first = await prebuiltCms(cache, { version: 'a' });
    expect(first.dir).toBe(path.join(cache, 'sveltia-cms', 'a'));
    // Written aside, then renamed: a build killed halfway leaves no folder that looks finished.
    expect(bundled.outdirs).toEqual([`${first.dir}.${process.pid}.tmp`]);
    expect(first.entry).toMatch(/^sveltia-[A-Z0-9]+\.js$/);
    const code = fs.readFileSync(path.join(first.dir, first.entry), 'utf8');
    expect(code).not.toMatch(/cdn\.jsdelivr\.net/);
    // Each file the code asks for relative to itself is there: the fonts, the image worker's files.
    const files = fs.readdirSync(first.dir, { recursive: true, encoding: 'utf8' });
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      for (const [, url] of fs.readFileSync(path.join(first.dir, file), 'utf8').matchAll(/new URL\(["'`]((?:\.{1,2}\/)*assets\/[^"'`]+)["'`],\s*import\.meta\.url\)/g)) {
        expect(fs.existsSync(path.join(first.dir, path.dirname(file), url!)), `${file}: ${url}`).toBe(true);
      }
    }
    expect(files.filter((f) => f.endsWith('.woff2'))).toHaveLength(3);
    // The left-out grammars are one empty chunk, not one each.
    expect(files.filter((f) => f.startsWith(`chunks${path.sep}`)).length).toBeLessThan(60);

    // Kept: not bundled again, and a mark left in it survives.
    fs.writeFileSync(path.join(first.dir, 'mark'), '');
    const before = bundled.count;
    const again = await prebuiltCms(cache, { version: 'a' });
    expect(again).toEqual(first);
    expect(bundled.count).toBe(before);
    expect(fs.existsSync(path.join(first.dir, 'mark'))).toBe(true);
  }, 120_000);

  it('bundles afresh for another version, and removes the other version’s bundle', async () => {
    // What a killed build (a process no longer running) left is removed too.
    fs.mkdirSync(path.join(cache, 'sveltia-cms', 'b.999999999.tmp'));
    const before = bundled.count;
    const other = await prebuiltCms(cache, { version: 'b' });
    expect(bundled.count).toBe(before + 1);
    expect(fs.existsSync(path.join(other.dir, 'mark'))).toBe(false);
    expect(fs.existsSync(path.join(other.dir, other.entry))).toBe(true);
    expect(kept(cache)).toEqual(['b']);
  }, 120_000);

  it('stops on a CDN address it does not know, and leaves no bundle, not even half of one', async () => {
    const module = fakePackage('cdn', 'export default { load: () => fetch(`https://unpkg.com/@sveltia/cms@0.222.0/locales/zh-CN.json`) };');
    const refused = path.join(tmp, 'refused');
    await expect(prebuiltCms(refused, { version: 'c', module })).rejects.toThrow(/does not handle:\n {2}https:\/\/unpkg\.com\/@sveltia\/cms@0\.222\.0/);
    expect(kept(refused)).toEqual([]);
  });

  it('leaves out the parts no collection uses, and stops on an address of no file of the package', async () => {
    // Neither leaflet nor the grammars are installed beside this module: bundling them would fail.
    const module = fakePackage('unused', 'export const map = () => import(`leaflet`), grammar = () => import(`@shikijs/langs/zig`); export const font = new URL(`assets/a.woff2`, import.meta.url);', { 'a.woff2': 'font' });
    const out = await prebuiltCms(path.join(tmp, 'unused-cache'), { version: 'd', module });
    expect(fs.readFileSync(path.join(out.dir, 'assets', 'a.woff2'), 'utf8')).toBe('font');

    const missing = fakePackage('missing', 'export const font = new URL(`assets/gone.woff2`, import.meta.url);');
    await expect(prebuiltCms(path.join(tmp, 'missing-cache'), { version: 'e', module: missing })).rejects.toThrow(/asks for assets\/gone\.woff2/);
  });
});

describe('the CMS in a build', () => {
  type Setup = (options: { command: string; config: { base: string; build: { assets: string } }; updateConfig: (c: unknown) => void }) => Promise<void>;
  type Resolve = (source: string, importer?: string) => unknown;

  /** The integration run as Astro runs it: the address `@sveltia/cms` becomes, and the built site. */
  async function build(built: boolean, command = 'build') {
    const integration = sveltiaCms({ built, cacheDir: path.join(tmp, 'cache') });
    let plugins: { resolveId: Resolve }[] = [];
    await (integration.hooks['astro:config:setup'] as unknown as Setup)({
      command,
      config: { base: '/', build: { assets: '_astro' } },
      updateConfig: (c) => (plugins = (c as { vite: { plugins: typeof plugins } }).vite.plugins),
    });
    const dist = fs.mkdtempSync(path.join(tmp, 'dist-'));
    (integration.hooks['astro:build:done'] as unknown as (o: { dir: URL }) => void)({ dir: pathToFileURL(`${dist}/`) });
    return { resolved: plugins[0]!.resolveId('@sveltia/cms', '/project/src/cms/browser/start-cms.ts'), dist };
  }

  it('with CMS settings, the page imports the prebuilt entry by its address, and the file is there', async () => {
    const { resolved, dist } = await build(true);
    const { id, external } = resolved as { id: string; external: boolean };
    expect(external).toBe(true);
    expect(id).toMatch(/^\/_astro\/cms\/sveltia-[A-Z0-9]+\.js$/);
    expect(fs.existsSync(path.join(dist, id))).toBe(true);
    expect(fs.readdirSync(path.join(dist, '_astro', 'cms', 'assets')).filter((f) => f.endsWith('.woff2'))).toHaveLength(3);
  }, 120_000);

  it('without CMS settings the site has none of it; the dev server bundles the module itself', async () => {
    const without = await build(false);
    expect(without.resolved).toMatch(/not-built/);
    expect(fs.readdirSync(without.dist)).toEqual([]);
    const dev = await build(true, 'dev');
    expect(dev.resolved).toBeNull();
    expect(fs.readdirSync(dev.dist)).toEqual([]);
  });
});
