import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Builds the site the way `npm run build` does, into a folder of our choosing: `astro build
 * --outDir`, then the search index when the build script makes one (`pagefind --site`). Used by
 * the determinism check and the build tests; plain Node, no Astro import.
 */
export function buildSite(
  outDir: string,
  env: Record<string, string | undefined> = {},
  project = process.cwd(),
): { status: number | null; output: string; steps: string[] } {
  const bin = (name: string) => path.join(project, 'node_modules', '.bin', name);
  const merged: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key]; // unset, not "undefined"
  const run = (command: string, args: string[]) =>
    spawnSync(command, args, {
      cwd: project,
      env: merged,
      encoding: 'utf8',
      timeout: 300_000,
    });
  const steps = ['astro build'];
  const astro = run(bin('astro'), ['build', '--outDir', outDir]);
  let output = `${astro.stdout}\n${astro.stderr}`;
  if (astro.status !== 0) return { status: astro.status, output, steps };
  const script = (JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.build ?? '';
  if (/\bpagefind\b/.test(script) && fs.existsSync(bin('pagefind'))) {
    steps.push('pagefind');
    const index = run(bin('pagefind'), ['--site', outDir]);
    output += `\n${index.stdout}\n${index.stderr}`;
    if (index.status !== 0) return { status: index.status, output, steps };
  }
  return { status: 0, output, steps };
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
