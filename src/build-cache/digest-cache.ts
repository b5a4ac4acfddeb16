/**
 * What the build's caches between runs share: an answer is kept by the digest of its exact input,
 * in a file stamped with the version of the code that gave it, so a kept answer is always what
 * working it out afresh would give. A file that is missing, unreadable or of other code is ignored.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PROJECT = path.join(import.meta.dirname, '../..');

export const digest = (input: Buffer | string): string => crypto.createHash('sha256').update(input).digest('base64url');

/**
 * The code that decides a cache's answers: sources (project paths; a folder stands for its .ts
 * files) and the named packages with every package they depend on, as installed. This module is
 * always counted, since it decides what a kept answer is.
 */
export function codeVersion(sources: string[], packages: string[] = []): string {
  const hash = crypto.createHash('sha256');
  for (const source of [path.relative(PROJECT, import.meta.filename), ...sources]) {
    const full = path.join(PROJECT, source);
    const files = fs.statSync(full).isDirectory() ? fs.readdirSync(full).filter((n) => n.endsWith('.ts')).sort().map((n) => path.join(full, n)) : [full];
    for (const file of files) hash.update(path.relative(PROJECT, file)).update('\0').update(fs.readFileSync(file));
  }
  for (const file of [...installed(packages)].sort()) hash.update(path.relative(PROJECT, file)).update('\0').update(fs.readFileSync(file));
  return hash.digest('hex');
}

/** The package.json of each package and of everything it depends on, found as Node would find it. */
function installed(packages: string[]): Set<string> {
  const found = new Set<string>();
  const visit = (name: string, from: string): void => {
    for (let dir = from; ; dir = path.dirname(dir)) {
      const file = path.join(dir, 'node_modules', name, 'package.json');
      if (fs.existsSync(file)) {
        if (found.has(file)) return;
        found.add(file);
        const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
        for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep, path.dirname(file));
        return;
      }
      // Not installed (an optional dependency of another platform): nothing of it can run.
      if (dir === PROJECT || dir === path.dirname(dir)) return;
    }
  };
  for (const name of packages) visit(name, PROJECT);
  return found;
}

/** The entries saved by this version of the code; none when there is no file, or it is unreadable or of other code. */
export function readDigestCache<V>(file: string | undefined, version: string): Map<string, V> {
  if (!file || !fs.existsSync(file)) return new Map();
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown; entries?: unknown };
    return saved.version === version && Array.isArray(saved.entries) ? new Map(saved.entries as [string, V][]) : new Map();
  } catch {
    return new Map(); // unreadable: as if there were none
  }
}

/** Replaces the file with these entries; written aside and renamed, so a build stopped halfway leaves no half file. */
export function writeDigestCache<V>(file: string | undefined, version: string, entries: Map<string, V>): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, JSON.stringify({ version, entries: [...entries] }));
  fs.renameSync(partial, file);
}
