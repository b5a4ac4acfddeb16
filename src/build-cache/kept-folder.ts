import fs from 'node:fs';
import path from 'node:path';
import { running } from './running.ts';

/**
 * `<parent>/<version>/`, made by `make` if it is not kept yet: written aside and renamed, so that a
 * build stopped halfway leaves no half folder; the folders of other versions are then removed (one
 * being written by a running build stays).
 */
export async function keptFolder(parent: string, version: string, make: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(parent, version);
  if (!fs.existsSync(dir)) {
    const partial = `${dir}.${process.pid}.tmp`;
    fs.rmSync(partial, { recursive: true, force: true });
    try {
      await make(partial);
      fs.renameSync(partial, dir);
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true });
      // Another build of the same version got there first: its folder is this one.
      if (!fs.existsSync(dir)) throw error;
    }
    for (const other of fs.readdirSync(parent)) {
      const writer = /\.(\d+)\.tmp$/.exec(other)?.[1];
      if (other !== version && !(writer && running(Number(writer)))) fs.rmSync(path.join(parent, other), { recursive: true, force: true });
    }
  }
  return dir;
}
