import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown, type InputOptions, type OutputOptions, type Plugin } from 'rolldown';
import { codeDigest } from '../code-digest.ts';
import { keptFolder } from '../../build-cache/kept-folder.ts';

/**
 * Our own code on /admin/ (src/cms/browser/: the start-up, the fields, the preview, and the save
 * check's worker, which carries src/input and its parsers) bundled ahead of the build by Rolldown,
 * the bundler inside Vite, on its own, as the CMS itself is (sveltia-prebuilt.ts), and kept in the
 * build cache while the code is unchanged. In Vite's client build, through Astro's and Vite's
 * plugins, these 2.3 MB of scripts were most of its work: at 1,000 pages the Astro step took 3.3 s
 * more CPU and 200 MB more memory with them than without; Rolldown alone bundles them in about
 * 0.6 s into the same files. (esbuild, which bundles the CMS, made the worker 25 % larger and split
 * the start-up into four files.) The dev server still serves them through Vite (AdminCms.astro).
 */

const BROWSER = fileURLToPath(new URL('../../cms/browser/', import.meta.url));
const ENTRY = path.join(BROWSER, 'admin.ts');
const WORKER = path.join(BROWSER, 'check-worker.ts');
/** Where check-save.ts starts the worker: Vite's form, which Rolldown alone leaves as it is. */
const WORKER_URL = "new URL('./check-worker.ts', import.meta.url)";

/** The browsers Vite builds the rest of the site for (its default, Baseline Widely Available). */
export const TARGET = ['chrome111', 'edge111', 'firefox114', 'safari16.4', 'ios16.4'];

/**
 * Modules whose browser build needs a DOM, resolved to their plain build inside the worker (there
 * is no `document` there): the HTML entity decoder. Vite's dev server reads the same list.
 */
export const PLAIN_IN_WORKER: ReadonlyMap<string, string> = new Map([['decode-named-character-reference', fileURLToPath(import.meta.resolve('decode-named-character-reference'))]]);

export interface PrebuiltCmsApp {
  /** The folder of the bundle: the entry, its chunks, the worker. */
  dir: string;
  /** The entry's file name in dir (admin-<hash>.js). */
  entry: string;
}

/**
 * The bundle for the current code, importing the CMS from `cmsAddress` (the prebuilt CMS's address
 * in the site): the kept one if there is one, else bundled now into `<cacheDir>/cms-app/<version>/`.
 */
export async function prebuiltCmsApp(cacheDir: string, cmsAddress: string): Promise<PrebuiltCmsApp> {
  const version = crypto.createHash('sha256').update(`${codeDigest()}\0${cmsAddress}`).digest('hex').slice(0, 32);
  const dir = await keptFolder(path.join(cacheDir, 'cms-app'), version, (partial) => bundleApart(partial, cmsAddress));
  const entry = fs.readdirSync(dir).find((f) => /^admin-[\w-]+\.js$/.test(f));
  if (!entry) throw new Error(`${dir}: no entry admin-<hash>.js`);
  return { dir, entry };
}

/** Rolldown's options, as Vite's client build gives them (and the same file names as the CMS's bundle). */
const OUTPUT = { format: 'es', minify: true, entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js' } satisfies OutputOptions;
const INPUT = { platform: 'browser', transform: { target: TARGET } } satisfies InputOptions;

async function write(input: InputOptions, outdir: string): Promise<string> {
  const build = await rolldown({ ...INPUT, ...input });
  try {
    const { output } = await build.write({ ...OUTPUT, dir: outdir });
    return output.find((o) => o.type === 'chunk' && o.isEntry)!.fileName;
  } finally {
    await build.close();
  }
}

async function bundle(outdir: string, cmsAddress: string): Promise<void> {
  // The worker first: the page's code starts it by its file name, which carries its hash.
  const worker = await write({ input: { 'check-worker': WORKER }, resolve: { alias: Object.fromEntries(PLAIN_IN_WORKER) } }, outdir);
  const app: Plugin = {
    name: 'portal-cms-app',
    resolveId(source, importer) {
      if (source === '@sveltia/cms') return { id: cmsAddress, external: true };
      // Our fields' style sheet, as text the page puts in a <style> (Vite's ?inline).
      if (source.endsWith('.css?inline') && importer) return `${path.resolve(path.dirname(importer), source.replace(/\?inline$/, ''))}?inline`;
      return null;
    },
    load(id) {
      return id.endsWith('.css?inline') ? `export default ${JSON.stringify(fs.readFileSync(id.replace(/\?inline$/, ''), 'utf8'))};` : null;
    },
    transform(code, id) {
      if (!id.endsWith('check-save.ts')) return null;
      if (!code.includes(WORKER_URL)) throw new Error(`${id}: the worker is not started as ${WORKER_URL}`);
      // The worker is written beside the chunks.
      return code.replace(WORKER_URL, `new URL('./${worker}', import.meta.url)`);
    },
  };
  await write({ input: { admin: ENTRY }, plugins: [app] }, outdir);
}

/**
 * bundle() in a process of its own: Rolldown's memory stays with the process that used it, and the
 * build's peak comes later, with the pages (at 1,000 pages, 80 MB more at the peak when bundled in).
 */
function bundleApart(outdir: string, cmsAddress: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [outdir, cmsAddress], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bundling /admin/'s code stopped (exit code ${code}):\n${errors}`))));
  });
}

if (import.meta.main) await bundle(process.argv[2]!, process.argv[3]!);
