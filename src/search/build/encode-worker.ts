/**
 * One share of the built pages, read, digested and encoded for the index off the main thread (see
 * encodeSite in indexer.ts): the extraction is the slow part, and each page stands alone. A page
 * whose digest the cache already holds (`known`) is not encoded again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { digest } from '../../build-cache/digest-cache.ts';
import { extractPage } from './extract.ts';
import { indexDocument, urlOf, type WorkerResult } from './indexer.ts';

const { dir, files, known } = workerData as { dir: string; files: string[]; known: string[] };
const cached = new Set(known);
const encoded: WorkerResult[] = files.map((file) => {
  const bytes = fs.readFileSync(path.join(dir, file));
  const key = digest(bytes);
  if (cached.has(key)) return { file, key, cached: true };
  const page = extractPage(bytes.toString('utf8'));
  return page.indexed ? { file, key, ...indexDocument(page, urlOf(file)) } : { file, key };
});
parentPort?.postMessage(encoded);
