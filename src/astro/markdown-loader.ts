import fs from 'node:fs';
import { glob } from 'astro/loaders';
import type { ContentEntryType } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import { codeDigest } from './code-digest.ts';
import { mdxStoryEntryType } from './markdown/mdx-story.ts';

/**
 * Astro's glob loader for one folder of editors' Markdown, quiet while the folder is empty: the real
 * 2019 site has no news, stories or workers yet, and a newcomer's build should warn only about
 * their content, not that this normal state looks like a mistake. Once a file matches, the glob
 * loader does all the work (in dev, the first file added starts it). MDX files are rendered by the
 * Markdown pipeline into HTML and component blocks (./markdown/mdx-story.ts), not compiled into modules.
 */
export function markdownFolder(base: string, extensions: readonly string[]): Loader {
  const inner = glob({ pattern: extensions.length === 1 ? `*.${extensions[0]}` : `*.{${extensions.join(',')}}`, base });
  const matches = (name: string) => extensions.some((extension) => name.endsWith(`.${extension}`));
  const hasFiles = () => fs.existsSync(base) && fs.readdirSync(base).some(matches);
  return {
    name: 'portal-markdown-folder',
    load: async (context) => {
      // Astro keeps rendered bodies between builds while a file is unchanged, even when the code
      // that renders them (plugins, sanitiser, MDX components) has changed: then render them all again.
      if (context.meta.get('code') !== codeDigest()) {
        context.store.clear();
        context.meta.set('code', codeDigest());
      }
      const load = () => (extensions.includes('mdx') ? loadWithMdxAsData(inner, context) : inner.load(context));
      if (hasFiles()) return load();
      context.store.clear();
      if (!context.watcher) return;
      const start = (file: string) => {
        if (!matches(file)) return;
        context.watcher?.off('add', start);
        void load();
      };
      context.watcher.on('add', start);
    },
  };
}

/**
 * The glob loader with .mdx entries rendered as data. The glob loader logs a render's error and
 * stores the entry without its body; here the error stops the build instead (a story is never
 * published empty).
 */
async function loadWithMdxAsData(inner: Loader, context: LoaderContext): Promise<void> {
  // Astro hands its loaders the entry types by extension (not in LoaderContext's public type); the
  // glob loader takes .mdx's from there.
  const { entryTypes } = context as LoaderContext & { entryTypes: Map<string, ContentEntryType> };
  const mdxType = entryTypes.get('.mdx');
  if (!mdxType) throw new Error('MDX stories need the @astrojs/mdx integration for their frontmatter (astro.config.mjs)');
  const errors: string[] = [];
  const asData = mdxStoryEntryType(mdxType);
  const entryType = {
    ...asData,
    async getRenderFunction(config: Parameters<NonNullable<typeof asData.getRenderFunction>>[0]) {
      const render = await asData.getRenderFunction!(config);
      return async (entry: Parameters<typeof render>[0]) => {
        try {
          return await render(entry);
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
          throw error;
        }
      };
    },
  };
  // An entry stored by a build that still compiled MDX is rendered again, not reused as a module.
  for (const entry of context.store.values()) if (entry.deferredRender) context.store.delete(entry.id);
  const withStories: LoaderContext & { entryTypes: Map<string, ContentEntryType> } = { ...context, entryTypes: new Map(entryTypes).set('.mdx', entryType) };
  await inner.load(withStories);
  if (errors.length > 0) throw new Error(errors.join('\n'));
}
