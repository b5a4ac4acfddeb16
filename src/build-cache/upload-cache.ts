/**
 * The findings of the uploads' check (src/input/uploads/) kept between runs, by kind and digest of
 * each file's bytes: `npm run validate` and the build read a PDF or a picture again only when it
 * changed, or when the code or the libraries that read it did. The file is the build cache's.
 */
import path from 'node:path';
import type { UploadCache } from '../input/uploads/check.ts';
import type { Finding } from '../input/uploads/pdf.ts';
import { codeVersion, readDigestCache, writeDigestCache } from './digest-cache.ts';

/** The code that decides an upload's findings: the readers, the number rules, and the libraries. */
const version = () => codeVersion(['src/input/uploads', 'src/input/privacy.ts', 'src/input/markup-text.ts'], ['pdfjs-dist', 'pdf-lib', 'sharp']);

/** The kept findings in cacheDir, and how to save them (with what this run added) once the check is done. */
export function uploadCache(cacheDir: string): { cache: UploadCache; save: () => void } {
  const file = path.join(cacheDir, 'upload-check.json');
  const v = version();
  const cache = readDigestCache<Finding[]>(file, v);
  return { cache, save: () => writeDigestCache(file, v, cache) };
}
