import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { config } from '../config.ts';
import { publishedDocuments } from '../site-cache.ts';
import { copyDocuments } from '../../input/files.ts';

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
