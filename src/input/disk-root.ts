import fs from 'node:fs';
import path from 'node:path';
import type { ContentRoot, EntryKind } from './content-root.ts';

/**
 * The content root on disk (the build, `npm run validate`). Nothing is followed through a
 * shortcut (symbolic link): a link is reported as one, and never opened.
 */
export interface DiskRoot extends ContentRoot {
  /** The folder itself, for the Node-only checks inside uploads (src/input/uploads/). */
  dir: string;
}

function kindOf(stat: fs.Stats | fs.Dirent): EntryKind {
  if (stat.isSymbolicLink()) return 'link';
  if (stat.isDirectory()) return 'folder';
  return stat.isFile() ? 'file' : 'other';
}

export function diskRoot(dir: string): DiskRoot {
  const full = (file: string) => path.join(dir, ...file.split('/'));
  const stat = (file: string) => {
    try {
      const s = fs.lstatSync(full(file));
      return { kind: kindOf(s), size: s.size };
    } catch {
      return undefined;
    }
  };
  const openNoFollow = (file: string) => fs.openSync(full(file), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  return {
    dir,
    stat,
    list(folder) {
      let names: string[];
      try {
        names = fs.readdirSync(full(folder));
      } catch {
        return [];
      }
      return names.flatMap((name) => {
        const s = stat(folder ? `${folder}/${name}` : name);
        return s ? [{ name, ...s }] : [];
      });
    },
    read(file) {
      const fd = openNoFollow(file);
      try {
        return fs.readFileSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    },
    head(file, length) {
      const bytes = new Uint8Array(length);
      const fd = openNoFollow(file);
      try {
        return bytes.subarray(0, fs.readSync(fd, bytes, 0, length, 0));
      } finally {
        fs.closeSync(fd);
      }
    },
  };
}
