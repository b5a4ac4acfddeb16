import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryRoot, normalizePath } from '../../../src/input/content-root.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

/**
 * The build reads the disk; the CMS reads the repository it holds in the browser. Both go through
 * readPortalData with a content root (src/input/content-root.ts): filled with the same files, the two
 * roots must give the same problems, in the same order, and the same data.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** Every regular file of the editors' folders under dir, by its path relative to dir, as a repository holds them. */
function filesOf(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(path.join(dir, folder), { withFileTypes: true })) {
      const file = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) files.set(file, fs.readFileSync(path.join(dir, file)));
      else throw new Error(`${file} is neither a file nor a folder: a repository cannot hold it`);
    }
  };
  for (const top of ['content', 'data', 'files']) if (fs.existsSync(path.join(dir, top))) walk(top);
  return files;
}

const roots: [string, string][] = [
  ...fs.readdirSync(FIXTURES).sort().map((name): [string, string] => [name, fixtureRoot(name)]),
  ['examples/demo', 'examples/demo'],
  ['the real site', '.'],
];

describe('the disk and a repository in memory are one road', () => {
  it.each(roots)('%s: the same problems and data from both', (_name, dir) => {
    const fromDisk = readPortalData(diskRoot(dir));
    const fromMemory = readPortalData(memoryRoot(filesOf(dir)));
    expect(fromMemory.problems).toEqual(fromDisk.problems);
    expect(fromMemory.documents).toEqual(fromDisk.documents);
    expect(fromMemory.data).toEqual(fromDisk.data);
  });

  it('checks more than nothing: the fixtures give problems on both roads', () => {
    const [, dir] = roots.find(([name]) => name === 'duplicate-id')!;
    expect(readPortalData(memoryRoot(filesOf(dir))).problems.length).toBeGreaterThan(0);
  });
});

describe('normalizePath', () => {
  it('resolves "." and ".." and keeps a climb out of the root', () => {
    expect(normalizePath('content/workers/./photos/../a.jpg')).toBe('content/workers/a.jpg');
    expect(normalizePath('files/../../etc/passwd')).toBe('../etc/passwd');
    expect(normalizePath('./files//a.pdf')).toBe('files/a.pdf');
  });
});
