import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');

/**
 * A content root made of the small valid fixture ("good") with one case's files laid over it,
 * so each bad-input case holds only the file it breaks.
 */
export function fixtureRoot(name: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `portal-${name}-`));
  fs.cpSync(path.join(FIXTURES, 'good'), root, { recursive: true });
  if (name !== 'good') fs.cpSync(path.join(FIXTURES, name), root, { recursive: true });
  return root;
}
