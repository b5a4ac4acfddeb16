import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * The CMS's `test-repo` backend keeps its repository in the browser's origin private file system
 * (OPFS), under one folder: the tests fill it with a content root before signing in, and read it
 * back after saving, through page.evaluate.
 */
const ROOT = 'sveltia-cms-test';

import type { RepoFiles } from '../../../src/cms/demo-repo.ts';

export type { RepoFiles };
/** Every file of a content root (content/, data/, files/), as the demo's test repository starts with it. */
export { contentRootFiles } from '../../../src/cms/demo-repo.ts';

export async function seedRepo(page: Page, files: RepoFiles): Promise<void> {
  await page.evaluate(
    async ({ root, files }) => {
      const opfs = await navigator.storage.getDirectory();
      await opfs.removeEntry(root, { recursive: true }).catch(() => undefined);
      const top = await opfs.getDirectoryHandle(root, { create: true });
      for (const [file, base64] of Object.entries(files)) {
        const parts = file.split('/');
        let dir = top;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
        const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
        await writable.close();
      }
    },
    { root: ROOT, files },
  );
}

export async function readRepo(page: Page): Promise<RepoFiles> {
  return page.evaluate(async (root) => {
    const out: Record<string, string> = {};
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries()) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else {
          const bytes = new Uint8Array(await (await (handle as FileSystemFileHandle).getFile()).arrayBuffer());
          let binary = '';
          for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          out[`${prefix}${name}`] = btoa(binary);
        }
      }
    };
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(root), '');
    return out;
  }, ROOT);
}

/** Writes the repository read back into a fresh content root on disk. */
export function writeRoot(dir: string, files: RepoFiles): void {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, base64] of Object.entries(files)) {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, Buffer.from(base64, 'base64'));
  }
}
