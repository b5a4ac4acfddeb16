import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEVER_FETCHED, rewriteSveltia } from '../../../src/astro/integrations/sveltia-local-assets.ts';

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
