import fs from 'node:fs';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';

/**
 * Astro's glob loader for one folder of editors' Markdown, quiet while the folder is empty: the real
 * 2019 site has no news, stories or workers yet, and a newcomer's build should warn only about
 * their content, not that this normal state looks like a mistake. Once a file matches, the glob
 * loader does all the work (in dev, the first file added starts it).
 */
export function markdownFolder(base: string, extensions: readonly string[]): Loader {
  const inner = glob({ pattern: extensions.length === 1 ? `*.${extensions[0]}` : `*.{${extensions.join(',')}}`, base });
  const matches = (name: string) => extensions.some((extension) => name.endsWith(`.${extension}`));
  const hasFiles = () => fs.existsSync(base) && fs.readdirSync(base).some(matches);
  return {
    name: 'portal-markdown-folder',
    load: async (context) => {
      if (hasFiles()) return inner.load(context);
      context.store.clear();
      if (!context.watcher) return;
      const start = (file: string) => {
        if (!matches(file)) return;
        context.watcher?.off('add', start);
        void inner.load(context);
      };
      context.watcher.on('add', start);
    },
  };
}
