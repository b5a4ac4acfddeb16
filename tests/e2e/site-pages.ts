import fs from 'node:fs';
import path from 'node:path';

/** Every page of the built site, as URL paths, found from dist/ so a new page is tested without listing it. */
export function builtPages(dist = 'dist'): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') {
        const rel = path.relative(dist, path.dirname(full)).split(path.sep).join('/');
        pages.push(rel === '' ? '/' : `/${rel}/`);
      }
    }
  };
  walk(dist);
  return pages.sort();
}
