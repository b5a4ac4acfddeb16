/**
 * One share of the built pages, read and encoded for the index off the main thread (see
 * encodeSite in indexer.ts): the extraction is the slow part, and each page stands alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { extractPage } from './extract.ts';
import { indexDocument, urlOf, type EncodedFile } from './indexer.ts';

const { dir, files } = workerData as { dir: string; files: string[] };
const encoded: EncodedFile[] = files.map((file) => {
  const page = extractPage(fs.readFileSync(path.join(dir, file), 'utf8'));
  return page.indexed ? { file, ...indexDocument(page, urlOf(file)) } : { file };
});
parentPort?.postMessage(encoded);
