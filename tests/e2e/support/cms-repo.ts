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
    // The CMS may be replacing a file while it is read (a save just clicked): then read it all again.
    for (let attempt = 1; ; attempt++) {
      try {
        await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle(root), '');
        return out;
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'NotFoundError') || attempt === 20) throw error;
        for (const key of Object.keys(out)) delete out[key];
      }
    }
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

/** A phone-sized photo (a JPEG of noise, so it does not compress to nothing), made by the browser. */
export async function phonePhoto(page: Page, width = 3000, height = 4000): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height }) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      const image = context.createImageData(width, height);
      let seed = 1;
      for (let i = 0; i < image.data.length; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        image.data[i] = i % 4 === 3 ? 255 : (seed >> 16) & 0xff;
      }
      context.putImageData(image, 0, 0);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { width, height },
  );
  return Buffer.from(base64, 'base64');
}

/** The width and height of an image file, as the browser decodes it. */
export async function imageSize(page: Page, base64: string): Promise<{ width: number; height: number; type: string }> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const type = new TextDecoder().decode(bytes.subarray(8, 12)) === 'WEBP' ? 'image/webp' : 'other';
    const { width, height } = await createImageBitmap(new Blob([bytes]));
    return { width, height, type };
  }, base64);
}
