import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as esbuild from 'esbuild';
import { codeVersion } from '../../build-cache/digest-cache.ts';
import { keptFolder } from '../../build-cache/kept-folder.ts';
import { prebuiltCmsApp, TARGET, type PrebuiltCmsApp } from './cms-app-prebuilt.ts';
import sveltiaLocalAssets, { type CmsAddresses, isSveltiaChinese, isSveltiaModule, LEFT_OUT_CODE, leftOut, sveltiaChinese, sveltiaCode } from './sveltia-local-assets.ts';

/**
 * Sveltia CMS bundled once per version instead of in every build: Vite bundled and minified its
 * multi-MB module again in each build with CMS settings (2 to 3 s of CPU), though nothing of it
 * depends on the site. esbuild bundles it with the same rules as the dev server's Vite plugin
 * (sveltia-local-assets.ts: its own fonts, its unused parts left out, no unknown CDN address) into
 * a folder of the build cache, kept by the version of the code and packages that decide it. The
 * site's /admin/ script then imports the bundle's entry by its address, a file of the built site.
 */

/** The code that decides the bundle, besides the packages @sveltia/cms and esbuild. */
const SOURCES = ['src/astro/integrations/sveltia-prebuilt.ts', 'src/astro/integrations/sveltia-local-assets.ts', 'src/astro/integrations/sveltia-zh-CN.json'];

/** In the built site, under Astro's assets folder (_astro/): every name carries a content hash, so it is cached as the rest. */
const SITE_DIR = 'cms';
/** Our own code on /admin/, in a folder of its own there (cms-app-prebuilt.ts). */
const APP_DIR = 'app';

/** A file the bundle asks for by `new URL('…', import.meta.url)`: the package ships it, it is copied beside. */
const ASSET_URL = /new URL\((["'`])((?:\.{1,2}\/)*assets\/[^"'`$]+)\1,\s*import\.meta\.url\)/g;

export interface PrebuiltCms {
  /** The folder of the bundle: its entry, its chunks (chunks/) and the package's files it loads (assets/). */
  dir: string;
  /** The entry's file name in dir (sveltia-<hash>.js). */
  entry: string;
}

/**
 * The bundle for the current code and packages: the kept one if there is one, else bundled now into
 * `<cacheDir>/sveltia-cms/<version>/`, written aside and renamed so that a build stopped halfway
 * leaves no half bundle; bundles of other versions are then removed. (The tests give their own
 * version and module.)
 */
export async function prebuiltCms(
  cacheDir: string,
  { version = codeVersion(SOURCES, ['@sveltia/cms', 'esbuild']), module = createRequire(import.meta.url).resolve('@sveltia/cms') } = {},
): Promise<PrebuiltCms> {
  const dir = await keptFolder(path.join(cacheDir, 'sveltia-cms'), version, (partial) => bundle(module, partial));
  return { dir, entry: entryOf(dir) };
}

/** The bundle's entry: its one file at the top. */
function entryOf(dir: string): string {
  const [entry, ...more] = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  if (!entry || more.length > 0) throw new Error(`${dir}: not one Sveltia CMS entry but ${[entry, ...more].filter(Boolean).join(', ') || 'none'}`);
  return entry;
}

async function bundle(module: string, outdir: string): Promise<void> {
  await esbuild.build({
    entryPoints: [module],
    // The entry at the top and the chunks one folder down, as in the package: its own relative
    // addresses (assets/…, ../assets/…) then still name its files.
    entryNames: 'sveltia-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: TARGET,
    minify: true,
    legalComments: 'none',
    // The locales as they are (Chinese, Cyrillic…), not escaped to twice their size.
    charset: 'utf8',
    logLevel: 'silent',
    plugins: [
      {
        name: 'portal-sveltia',
        setup(build) {
          // One module for all of them, as in Vite: one empty chunk, not one per grammar.
          build.onResolve({ filter: /./ }, (args) => (leftOut(args.path, args.importer) ? { path: 'left-out', namespace: 'portal-sveltia-unused' } : undefined));
          build.onLoad({ filter: /./, namespace: 'portal-sveltia-unused' }, () => ({ contents: LEFT_OUT_CODE, loader: 'js' }));
          build.onLoad({ filter: /zh-CN\.json$/ }, (args) => (isSveltiaChinese(args.path) ? { contents: sveltiaChinese(fs.readFileSync(args.path, 'utf8')), loader: 'json' } : undefined));
          build.onLoad({ filter: /\.js$/ }, (args) => (isSveltiaModule(args.path) ? { contents: sveltiaCode(args.path, fs.readFileSync(args.path, 'utf8')), loader: 'js' } : undefined));
        },
      },
    ],
  });
  copyAssets(outdir, path.join(path.dirname(module), 'assets'));
}

/**
 * Copies the package's files that the bundle's code asks for (fonts, the image worker and its
 * WebAssembly) into outdir/assets/, following the worker's own requests; an address that does not
 * land on one of them (code moved by the bundler to another folder) stops the build.
 */
function copyAssets(outdir: string, assetsDir: string): void {
  const scan = (file: string) => {
    for (const [, , url] of fs.readFileSync(path.join(outdir, file), 'utf8').matchAll(ASSET_URL)) {
      const target = path.join(path.dirname(file), url!);
      const source = path.join(assetsDir, path.basename(target));
      if (path.dirname(target) !== 'assets' || !fs.existsSync(source)) {
        throw new Error(`@sveltia/cms bundle: ${file} asks for ${url}, which is no file of the package's assets/`);
      }
      if (fs.existsSync(path.join(outdir, target))) continue;
      fs.mkdirSync(path.join(outdir, 'assets'), { recursive: true });
      fs.copyFileSync(source, path.join(outdir, target));
      if (target.endsWith('.js')) scan(target);
    }
  };
  for (const file of fs.readdirSync(outdir, { recursive: true, encoding: 'utf8' })) if (file.endsWith('.js')) scan(file);
}

/**
 * The CMS in the site. A build with CMS settings imports the prebuilt bundle by its address and
 * gets its files copied in; a build without them has none of it (sveltia-local-assets.ts's
 * `built: false`); the dev server keeps Vite's plugin (sveltia-local-assets.ts). (Vite's dependency
 * pre-bundling in dev does not run that plugin, as before: there the fonts still come from jsDelivr.)
 */
export default function sveltiaCms({ built, cacheDir }: { built: boolean; cacheDir: string }): AstroIntegration {
  let prebuilt: PrebuiltCms | undefined;
  let app: PrebuiltCmsApp | undefined;
  let siteDir = '';
  return {
    name: 'portal-sveltia-cms',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        let addresses: CmsAddresses | undefined;
        if (built && command === 'build') {
          prebuilt = await prebuiltCms(cacheDir);
          siteDir = path.join(config.build.assets, SITE_DIR);
          const site = `${config.base.replace(/\/$/, '')}/${config.build.assets}/${SITE_DIR}`;
          const cms = `${site}/${prebuilt.entry}`;
          // Our own code on /admin/, which imports the CMS by that address (cms-app-prebuilt.ts).
          app = await prebuiltCmsApp(cacheDir, cms);
          addresses = { cms, app: `${site}/${APP_DIR}/${app.entry}` };
        }
        updateConfig({ vite: { plugins: [sveltiaLocalAssets({ built, prebuilt: addresses })] } });
      },
      'astro:build:done': ({ dir }) => {
        if (prebuilt) fs.cpSync(prebuilt.dir, path.join(fileURLToPath(dir), siteDir), { recursive: true });
        if (app) fs.cpSync(app.dir, path.join(fileURLToPath(dir), siteDir, APP_DIR), { recursive: true });
      },
    },
  };
}
