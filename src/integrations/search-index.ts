import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../lib/search/indexer.ts';

/** Indexes the built site for search as the last step of `astro build`; a failure fails the build. */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'portal-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const stats = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`搜索索引：收录 ${stats.pages} 个页面（${stats.skipped} 个页面不参与搜索），用时 ${Date.now() - started} ms`);
      },
    },
  };
}
