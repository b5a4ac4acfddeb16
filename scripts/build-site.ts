import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Builds the site the way `npm run build` does, into a folder of our choosing: `astro build
 * --outDir`, then the search index (scripts/search-index.ts), each in its own process; stops at
 * the first step that fails. Used by the determinism check and the build tests; plain Node, no
 * Astro import.
 */
export function buildSite(
  outDir: string,
  env: Record<string, string | undefined> = {},
  project = process.cwd(),
): { status: number | null; output: string; steps: string[] } {
  const merged: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key]; // unset, not "undefined"
  const steps: string[] = [];
  let output = '';
  for (const [name, args] of buildSteps(outDir, project)) {
    steps.push(name);
    const run = spawnSync(process.execPath, args, { cwd: project, env: merged, encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
    output += `${run.stdout}\n${run.stderr}\n`;
    if (run.status !== 0) return { status: run.status, output, steps };
  }
  return { status: 0, output, steps };
}

/** The steps of `npm run build` as Node invocations (name, arguments), building into outDir. */
export function buildSteps(outDir: string, project = process.cwd()): [string, string[]][] {
  return [
    ['astro build', [path.join(project, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', outDir]],
    ['search index', [path.join(project, 'scripts', 'search-index.ts'), outDir]],
  ];
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
