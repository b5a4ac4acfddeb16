import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throwaway folder holding the given files (relative path → text or bytes): a tiny built site, for instance. */
export function writeTree(files: Record<string, string | Uint8Array>, prefix = 'portal-tree-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
