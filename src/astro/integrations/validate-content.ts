import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { buildCacheDir, config } from '../config.ts';
import { checkPortalData } from '../site-cache.ts';
import { readMarkupCache, writeMarkupCache } from '../../input/markup/markup-cache.ts';
import { ContentError, formatProblems } from '../../input/problems.ts';
import { uploadCache } from '../../build-cache/upload-cache.ts';

/**
 * Runs `npm run validate`'s checks before anything is built, so a build with a mistake in the
 * editors' files stops first of all with the full Chinese list (and not with whichever collection's
 * error happens to surface first). In `astro dev` the list is printed and the server keeps running.
 * A body whose markup was checked by an earlier run is not parsed again (markup-problems.ts), nor an
 * upload (a document, a picture) read again whose bytes an earlier run found clean or not.
 */
export default function validateContent(): AstroIntegration {
  return {
    name: 'portal:validate-content',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const { contentRoot } = config();
        const cacheFile = path.join(buildCacheDir(contentRoot), 'markup-check.json');
        const markupCache = readMarkupCache(cacheFile);
        const uploads = uploadCache(buildCacheDir(contentRoot));
        const problems = await checkPortalData(contentRoot, { markup: markupCache, uploads: uploads.cache });
        // The findings are kept with or without problems: an editor's mistake is no reason to parse every body again.
        writeMarkupCache(cacheFile, markupCache);
        uploads.save();
        if (problems.length === 0) return;
        if (command === 'build') throw new ContentError(problems);
        logger.warn(formatProblems(problems, '改正前页面可能显示不全'));
      },
    },
  };
}
