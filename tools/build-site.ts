import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { running } from '../src/build-cache/running.ts';

/**
 * Builds the site the way `npm run build` does, into a folder of our choosing: `astro build`, the
 * search index (tools/search-index.ts), then the publication check (tools/check-output.ts), each
 * in its own process. Every step writes into a
 * fresh folder beside outDir, which replaces outDir only when all of them have succeeded: a refused
 * or failed build leaves the last good site as it was, never a partial one. Used by `npm run build`
 * (tools/build.ts), the determinism check and the build tests; plain Node, no Astro import.
 */
export function buildSite(
  outDir: string,
  env: Record<string, string | undefined> = {},
  project = process.cwd(),
  options: BuildOptions = {},
): { status: number | null; output: string; steps: string[] } {
  const merged: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key]; // unset, not "undefined"
  const target = path.resolve(project, outDir);
  removeLeftovers(target);
  const building = `${target}${BUILDING}${process.pid}`;
  const steps: string[] = [];
  let output = '';
  for (const [name, args] of buildSteps(building, project, options)) {
    steps.push(name);
    const step = () =>
      spawnSync(process.execPath, args, {
        cwd: project,
        env: merged,
        encoding: 'utf8',
        timeout: 600_000,
        maxBuffer: 256 * 1024 * 1024,
        stdio: options.echo ? ['ignore', 'inherit', 'inherit'] : 'pipe',
      });
    const run = name === ASTRO_STEP ? withProjectLock(project, step, options.echo) : step();
    if (!options.echo) output += `${run.stdout}\n${run.stderr}\n`;
    if (run.status !== 0) {
      fs.rmSync(building, { recursive: true, force: true });
      return { status: run.status ?? 1, output, steps };
    }
  }
  replaceDir(building, target);
  return { status: 0, output, steps };
}

export interface BuildOptions {
  /** Pages per search-index bundle (the demo uses a small number to exercise the merging). */
  partPages?: number;
  /** Show each step's output as it comes (the command line) instead of collecting it (the tests). */
  echo?: boolean;
}

const ASTRO_STEP = 'astro build';

/** The steps of `npm run build` as Node invocations (name, arguments), building into outDir. */
export function buildSteps(outDir: string, project = process.cwd(), { partPages }: BuildOptions = {}): [string, string[]][] {
  return [
    [ASTRO_STEP, [path.join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir]],
    ['search index', [path.join(project, 'tools', 'search-index.ts'), outDir, ...(partPages ? ['--part-pages', String(partPages)] : [])]],
    ['publication check', [path.join(project, 'tools', 'check-output.ts'), outDir]],
  ];
}

/**
 * Astro writes into the project folder while it builds, whatever folder the site goes to: .astro/
 * (the content modules it generates), and .astro/.prerender/ (its page bundle) when the site is
 * outside the project. Two builds of one checkout at once (the demo's and the site's, or tests
 * side by side) would overwrite each other's files there. So the Astro step holds a lock in the
 * project, and a second build waits until it is free; a lock whose build is gone (killed) is taken
 * over. The lock is a folder holding its owner's pid, put in place by one rename of a folder
 * already holding it: no build ever sees the lock without its owner (a build killed between making
 * the folder and writing the pid would otherwise have held it for good).
 */
export function withProjectLock<T>(project: string, run: () => T, echo = false): T {
  const lock = path.join(project, 'node_modules', '.astro', 'build.lock');
  const owner = path.join(lock, 'pid');
  const mine = `${lock}.${process.pid}`;
  fs.rmSync(mine, { recursive: true, force: true });
  fs.mkdirSync(mine, { recursive: true });
  fs.writeFileSync(path.join(mine, 'pid'), String(process.pid));
  let told = false;
  for (;;) {
    try {
      fs.renameSync(mine, lock); // refused while the lock exists, as a folder with its pid in it
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
    const pid = Number(fs.existsSync(owner) ? fs.readFileSync(owner, 'utf8') : NaN);
    if (Number.isInteger(pid) && !running(pid)) {
      fs.rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (echo && !told) console.log('另一次网站生成正在这个项目目录里进行，等它结束后再开始……');
    told = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250); // a synchronous pause: the build runs its steps synchronously
  }
  try {
    return run();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Suffixes of the folders a build works in beside its outDir. */
const BUILDING = '.building-';
const REPLACED = '.replaced-';

/**
 * Puts the new site in place with two renames in one folder, so outDir is at every moment either
 * the old site or the new one; then removes the old one.
 */
function replaceDir(from: string, to: string): void {
  const old = `${to}${REPLACED}${process.pid}`;
  const had = fs.existsSync(to);
  if (had) fs.renameSync(to, old);
  fs.renameSync(from, to);
  if (had) fs.rmSync(old, { recursive: true, force: true });
}

/** Folders left beside outDir by a build that was killed before it could clean up. */
function removeLeftovers(target: string): void {
  const parent = path.dirname(target);
  if (!fs.existsSync(parent)) return;
  const base = path.basename(target);
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith(`${base}${BUILDING}`) || name.startsWith(`${base}${REPLACED}`)) fs.rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}

/** Every file under dir, as sorted "/"-separated relative paths. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

/** Where two built sites differ, byte for byte: files only in one, and files whose bytes differ. */
export function compareTrees(a: string, b: string): { files: number; onlyA: string[]; onlyB: string[]; differ: string[] } {
  const filesA = listFiles(a);
  const filesB = new Set(listFiles(b));
  const setA = new Set(filesA);
  const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  return {
    files: filesA.length,
    onlyA: filesA.filter((f) => !filesB.has(f)),
    onlyB: [...filesB].filter((f) => !setA.has(f)),
    differ: filesA.filter((f) => filesB.has(f) && digest(path.join(a, f)) !== digest(path.join(b, f))),
  };
}
