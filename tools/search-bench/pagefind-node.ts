/**
 * Runs a Pagefind bundle's own pagefind.js in Node, as a browser would, reading its files from disk
 * and counting the bytes a browser would download. `lang` is what the page's <html lang> would
 * say; leave it out to run as in a worker (no page language, no query segmentation).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

export interface Transfer {
  /** Bytes as served: .pf_* and the WebAssembly are already compressed; text files gzip-compressed. */
  bytes: number;
  files: { name: string; bytes: number }[];
}

export interface LoadedPagefind {
  pagefind: {
    options(o: Record<string, unknown>): Promise<void>;
    init(): Promise<void>;
    mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
    search(term: string, options?: Record<string, unknown>): Promise<{ results: any[] } | null>;
    destroy(): Promise<void>;
  };
  transfer: Transfer;
}

/** Size on the wire of a static file: text compressed as a static host would, binary as it is. */
export function wireSize(file: string): number {
  const buf = fs.readFileSync(file);
  return /\.(js|json|css|html)$/.test(file) ? zlib.gzipSync(buf, { level: 6 }).length : buf.length;
}

let instance = 0;

export async function loadPagefind(bundleDir: string, lang?: string): Promise<LoadedPagefind> {
  const transfer: Transfer = { bytes: 0, files: [] };
  const g = globalThis as Record<string, unknown>;
  if (lang) {
    g.window = { location: { origin: 'http://localhost', href: 'http://localhost/search/' } };
    g.document = { querySelector: () => ({ getAttribute: () => lang }), currentScript: null };
  } else {
    delete g.window;
    delete g.document;
  }
  g.fetch = async (input: string | URL) => {
    const file = decodeURIComponent(new URL(String(input)).pathname);
    const bytes = wireSize(file);
    transfer.bytes += bytes;
    transfer.files.push({ name: path.basename(file), bytes });
    return new Response(fs.readFileSync(file));
  };
  const js = path.join(bundleDir, 'pagefind.js');
  const jsBytes = wireSize(js);
  transfer.bytes += jsBytes;
  transfer.files.push({ name: 'pagefind.js', bytes: jsBytes });
  // A fresh module instance each time, as a fresh page load would have.
  const pagefind = await import(`${pathToFileURL(js).href}?instance=${++instance}`);
  return { pagefind, transfer };
}
