import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

/**
 * A content root made of the small valid fixture ("good") with one case's files laid over it,
 * so each bad-input case holds only the file it breaks; further cases are laid over in turn.
 */
export function fixtureRoot(name: string, ...more: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `portal-${name}-`));
  fs.cpSync(path.join(FIXTURES, 'good'), root, { recursive: true });
  for (const layer of [name, ...more]) if (layer !== 'good') fs.cpSync(path.join(FIXTURES, layer), root, { recursive: true });
  return root;
}

/** A digest of every file under dir, names and bytes: equal digests mean the tree was left untouched. */
export function treeHash(dir: string): string {
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex');
}
