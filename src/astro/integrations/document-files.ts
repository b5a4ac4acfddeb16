import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from '../config.ts';
import { publishedDocuments } from '../site-cache.ts';
import { PICTURE_DOCUMENT } from '../../input/files.ts';
import { cleanImage } from '../../input/uploads/image.ts';

/**
 * Copies the content root's files/ (enterprises' plans and summaries) into the built site: only
 * the files every check accepted (src/input/files.ts, src/input/uploads/), each as a regular file,
 * never a link; pictures cleaned of their metadata.
 */
export default function documentFiles(): AstroIntegration {
  return {
    name: 'portal-document-files',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const { contentRoot } = config();
        await copyDocuments(contentRoot, fileURLToPath(dir), await publishedDocuments(contentRoot));
      },
    },
  };
}

/**
 * Copies the documents (as checkDocumentFiles and checkUploads accepted them) into outDir, each as
 * a regular file: a file that became a link since it was checked is not followed (O_NOFOLLOW) and
 * stops the copy. Pictures are published cleaned (cleanImage), PDFs as they are.
 */
export async function copyDocuments(root: string, outDir: string, documents: readonly string[]): Promise<void> {
  for (const file of documents) {
    const fd = fs.openSync(path.join(root, file), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    let bytes: Buffer;
    try {
      if (!fs.fstatSync(fd).isFile()) throw new Error(`${file} is no longer a regular file`);
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const target = path.join(outDir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, PICTURE_DOCUMENT.test(file) ? await cleanImage(bytes) : bytes);
  }
}
