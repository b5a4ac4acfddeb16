import type { DiskRoot } from './disk-root.ts';
import type { MarkupCache } from './markup/markup-problems.ts';
import type { Problem } from './problems.ts';
import { readPortalData, type PortalData } from './read.ts';
import { checkUploads, type UploadCache } from './uploads/check.ts';

/**
 * Every check `npm run validate` and the build run: readPortalData's, then what is inside the
 * uploads (the documents under files/ and the pictures under content/), which needs pdf.js and sharp
 * and so is asynchronous. documents: the files under files/ that may be published.
 */
export async function checkPortal(root: DiskRoot, caches: { markup?: MarkupCache; uploads?: UploadCache } = {}): Promise<{ data: PortalData; problems: Problem[]; documents: string[] }> {
  const read = readPortalData(root, caches.markup);
  const uploads = await checkUploads(root.dir, read.documents, caches.uploads);
  const refused = new Set(uploads.map((p) => p.file));
  return { data: read.data, problems: [...read.problems, ...uploads], documents: read.documents.filter((file) => !refused.has(file)) };
}

