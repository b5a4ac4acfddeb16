import type { Repo } from '../save-check.ts';

/** Where Sveltia's `test-repo` backend keeps its repository: this browser's private files (OPFS). */
const TEST_REPO = 'sveltia-cms-test';
/** The editors' folders: what the build reads. */
const FOLDERS = ['content', 'data', 'files'];

async function readFolder(dir: FileSystemDirectoryHandle, prefix: string, out: Map<string, Uint8Array>): Promise<void> {
  for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
    if (handle.kind === 'directory') await readFolder(handle as FileSystemDirectoryHandle, `${prefix}${name}/`, out);
    else out.set(`${prefix}${name}`, new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer()));
  }
}

/** The test repository as it is now: every file of the editors' folders by its path. */
export async function testRepoFiles(): Promise<Repo> {
  const files = new Map<string, Uint8Array>();
  const top = await (await navigator.storage.getDirectory()).getDirectoryHandle(TEST_REPO);
  for (const folder of FOLDERS) {
    const dir = await top.getDirectoryHandle(folder).catch(() => undefined);
    if (dir) await readFolder(dir, `${folder}/`, files);
  }
  return files;
}
