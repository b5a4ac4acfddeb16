/**
 * A content root as the checks read it: the editors' folders (content/, data/, files/), by paths
 * relative to the root with "/" between parts. Two implementations: the disk (disk-root.ts: the
 * build, `npm run validate`) and a set of files held in memory (memoryRoot below: the CMS, which
 * checks the repository as it would be after a save). The checks never touch a disk themselves,
 * so the same code gives the same problems on both roads.
 */
export type EntryKind = 'file' | 'folder' | 'link' | 'other';

export interface RootEntry {
  name: string;
  kind: EntryKind;
  /** Bytes, for a file. */
  size: number;
}

export interface ContentRoot {
  /** What is at a path ('' is the root itself), without following a link; undefined when nothing is. */
  stat(file: string): { kind: EntryKind; size: number } | undefined;
  /** A folder's entries, without following links; empty when the folder is not there. */
  list(folder: string): RootEntry[];
  /** A regular file's bytes. */
  read(file: string): Uint8Array;
  /**
   * Its first bytes only (what kind of file it is), without reading a large file whole; undefined
   * when this root knows the file's size but not its bytes (a git host's file the CMS did not
   * download: the build checks it).
   */
  head(file: string, length: number): Uint8Array | undefined;
}

/**
 * "a/./b/../c" → "a/c"; a path that climbs out of the root keeps its leading "..". Written here
 * because the browser has no node:path, and the checks run there too.
 */
export function normalizePath(file: string): string {
  const out: string[] = [];
  for (const part of file.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

export const joinPath = (...parts: string[]) => normalizePath(parts.filter(Boolean).join('/'));

export const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/** Whether the path leaves the root ("../x") or is absolute: never inside it. */
export const leavesRoot = (file: string) => file.startsWith('/') || normalizePath(file).split('/')[0] === '..';

/**
 * A file known by its size only: what a git host's tree says of a document or picture, which the
 * CMS's check does not download (a save never changes one: only the build reads inside it).
 */
export interface SizedFile {
  size: number;
}
export type MemoryFile = Uint8Array | SizedFile;
const sizeOf = (file: MemoryFile) => (file instanceof Uint8Array ? file.length : file.size);

/**
 * A root made of files by path ("data/zones.csv" → bytes): every folder on the way exists, and
 * nothing is a link (a git repository holds no shortcut the CMS could write).
 */
export function memoryRoot(files: ReadonlyMap<string, MemoryFile> | Record<string, MemoryFile>): ContentRoot {
  const byPath = files instanceof Map ? new Map(files) : new Map(Object.entries(files));
  const folders = new Map<string, Map<string, RootEntry>>([['', new Map()]]);
  for (const [file, bytes] of byPath) {
    const parts = file.split('/');
    for (let i = 0; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const name = parts[i]!;
      const entries = folders.get(folder) ?? new Map<string, RootEntry>();
      folders.set(folder, entries);
      const last = i === parts.length - 1;
      entries.set(name, last ? { name, kind: 'file', size: sizeOf(bytes) } : { name, kind: 'folder', size: 0 });
      if (!last && !folders.has(parts.slice(0, i + 1).join('/'))) folders.set(parts.slice(0, i + 1).join('/'), new Map());
    }
  }
  const read = (file: string) => {
    const bytes = byPath.get(normalizePath(file));
    if (!bytes) throw new Error(`no file ${file} in the repository`);
    if (!(bytes instanceof Uint8Array)) throw new Error(`the bytes of ${file} were not fetched`);
    return bytes;
  };
  return {
    stat(file) {
      const path = normalizePath(file);
      if (folders.has(path)) return { kind: 'folder', size: 0 };
      const bytes = byPath.get(path);
      return bytes ? { kind: 'file', size: sizeOf(bytes) } : undefined;
    },
    list: (folder) => [...(folders.get(normalizePath(folder))?.values() ?? [])],
    read,
    head: (file, length) => {
      const bytes = byPath.get(normalizePath(file));
      return bytes && !(bytes instanceof Uint8Array) ? undefined : read(file).subarray(0, length);
    },
  };
}
