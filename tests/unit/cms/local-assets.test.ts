import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sveltiaLocalAssets, { isSveltiaChinese, NEVER_FETCHED, OUR_ZH_CN, rewriteSveltia, sveltiaChinese } from '../../../src/astro/integrations/sveltia-local-assets.ts';

/** Sveltia CMS's module, as Vite bundles it for /admin/: its CDN fonts become its own files. */
const entry = createRequire(import.meta.url).resolve('@sveltia/cms');
const assets = path.join(path.dirname(entry), 'assets');
const code = fs.readFileSync(entry, 'utf8');

describe('the Sveltia CMS transform', () => {
  const out = rewriteSveltia(code, assets);

  it('leaves no jsDelivr font in the style sheet, and points at files the package has', () => {
    expect(code).toMatch(/cdn\.jsdelivr\.net\/fontsource/);
    expect(out).not.toMatch(/cdn\.jsdelivr\.net/);
    const local = [...out.matchAll(/url\(\$\{new URL\("(\.\/assets\/[^"]+)", import\.meta\.url\)\.href\}\)/g)].map((m) => m[1]!);
    expect(local).toHaveLength(3);
    for (const file of local) expect(fs.existsSync(path.join(path.dirname(entry), file)), file).toBe(true);
  });

  it('keeps only CDN addresses known never to be fetched, and stops on any other', () => {
    for (const url of out.match(/https:\/\/(cdn\.jsdelivr\.net|unpkg\.com)\/[^\s`'")]*/g) ?? []) {
      expect(NEVER_FETCHED.some((n) => url === n.url), url).toBe(true);
    }
    expect(() => rewriteSveltia('const a = `https://unpkg.com/@sveltia/cms@0.222.0/locales/zh-CN.json`', assets)).toThrow(/does not handle:\n  https:\/\/unpkg\.com\/@sveltia\/cms@0\.222\.0/);
  });
});

describe('what the CMS bundle leaves out', () => {
  type Hook = (source: string, importer?: string) => string | null;
  const resolve = (built: boolean) => sveltiaLocalAssets({ built }).resolveId as unknown as Hook;
  const load = sveltiaLocalAssets({ built: true }).load as unknown as (id: string) => string | null;

  it('the lazy parts no collection uses, imported by Sveltia, become an empty module', () => {
    for (const source of ['@shikijs/langs/zig', 'leaflet/dist/leaflet-src.esm.js', 'terra-draw', 'terra-draw-leaflet-adapter', 'svgo/browser']) {
      const id = resolve(true)(source, entry);
      expect(id, source).not.toBeNull();
      expect(load(id!)).toBe('export default [];');
    }
  });

  it('keeps what the CMS runs on, and leaves everyone else’s imports alone', () => {
    for (const source of ['@shikijs/themes/github-light', 'immutable', 'turndown/lib/turndown.browser.es.js', './chunks/react-dom.js']) {
      expect(resolve(true)(source, entry), source).toBeNull();
    }
    expect(resolve(true)('leaflet', '/project/src/browser/map.ts')).toBeNull();
    expect(resolve(true)('@sveltia/cms', '/project/src/cms/browser/start-cms.ts')).toBeNull();
  });

  it('a build without CMS settings bundles no CMS: the module is one that says so', () => {
    const id = resolve(false)('@sveltia/cms', '/project/src/cms/browser/start-cms.ts');
    expect(id).not.toBeNull();
    expect((sveltiaLocalAssets({ built: false }).load as unknown as (id: string) => string)(id!)).toMatch(/no CMS settings/);
  });
});

describe('the CMS in Chinese', () => {
  const locales = path.join(path.dirname(entry), '..', 'locales');
  const flat = (messages: object, prefix = ''): Record<string, string> =>
    Object.assign({}, ...Object.entries(messages).map(([k, v]) => (typeof v === 'object' ? flat(v as object, `${prefix}${k}.`) : { [`${prefix}${k}`]: v as string })));
  const english = flat(JSON.parse(fs.readFileSync(path.join(locales, 'en-US.json'), 'utf8')));
  const theirs = flat(JSON.parse(fs.readFileSync(path.join(locales, 'zh-CN.json'), 'utf8')));
  const ours = flat(JSON.parse(fs.readFileSync(OUR_ZH_CN, 'utf8')));
  const merged = flat(JSON.parse(sveltiaChinese(fs.readFileSync(path.join(locales, 'zh-CN.json'), 'utf8'))));

  it('fills the messages an editor meets in English with ours, and keeps every one of the package’s', () => {
    expect(isSveltiaChinese(path.join(locales, 'zh-CN.json'))).toBe(true);
    for (const key of ['show_errors', 'replace_image', 'remove_file', 'select_item', 'save_conflict.title']) expect(merged[key], key).toMatch(/[\u4e00-\u9fff]/);
    for (const [key, message] of Object.entries(theirs)) expect(merged[key], key).toBe(message);
  });

  it('names only messages the CMS has, and only placeholders it fills', () => {
    const names = (m: string) => new Set(m.match(/\{\$\w+/g) ?? []);
    for (const [key, message] of Object.entries(ours)) {
      expect(english[key], key).toBeDefined();
      for (const name of names(message)) expect(names(english[key]!).has(name), `${key}: ${name}`).toBe(true);
    }
  });
});
