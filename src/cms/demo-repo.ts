import fs from 'node:fs';
import path from 'node:path';

/**
 * The demo's content root as the CMS's test repository starts with it: every file of content/,
 * data/ and files/ by its path, base64. Only files: a shortcut (symbolic link) is neither followed
 * nor copied, so nothing outside the content root is published.
 */
export type RepoFiles = Record<string, string>;

export function contentRootFiles(root: string): RepoFiles {
  const files: RepoFiles = {};
  const walk = (dir: string, prefix: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else if (entry.isFile()) files[`${prefix}${entry.name}`] = fs.readFileSync(full).toString('base64');
    }
  };
  for (const top of ['content', 'data', 'files']) {
    if (fs.existsSync(path.join(root, top)) && !fs.lstatSync(path.join(root, top)).isSymbolicLink()) walk(path.join(root, top), `${top}/`);
  }
  return files;
}
