/**
 * The two projects the scale benchmark compares ours with, generated with the same number of pages
 * and the same Chinese text as the portal's news (generate.ts):
 *
 * - the fair peer: a bare Astro 7 project (a content collection and one route, Astro's recommended
 *   shape for many pages), indexed by stock Pagefind 1.6's command line, which is what a user who
 *   wants search on a plain Astro site would pick;
 * - Starlight 0.42 in zh-CN with a small fixed sidebar (10 links; its default lists every page on
 *   every page, which no site of this size would keep), with its built-in Pagefind.
 *
 * Their packages are benchmark-only: installed by `installPeers` into .bench/peers/node_modules,
 * never into the site's package.json. The projects live under .bench/peers/ so that they resolve
 * those packages.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { discard } from './discard.ts';
import { body, date, pad, write } from './generate.ts';

/** Exact majors: npm would otherwise pick whatever is newest. */
const PEER_PACKAGES = { astro: '^7.3.5', '@astrojs/starlight': '^0.42.4', pagefind: '^1.6.0' };

/** Installs the peers' packages into `dir` unless the same list is already installed there. */
export function installPeers(dir: string): void {
  const manifest = `${JSON.stringify({ name: 'bench-peers', private: true, type: 'module', dependencies: PEER_PACKAGES }, null, 2)}\n`;
  const file = path.join(dir, 'package.json');
  const stamp = path.join(dir, 'node_modules', '.installed-for');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === manifest) return;
  write(file, manifest);
  process.stderr.write(`installing the peers' packages into ${dir} …\n`);
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  if (npm.status !== 0) throw new Error(`npm install of the benchmark peers failed in ${dir}`);
  fs.writeFileSync(stamp, manifest);
}

const page = (i: number): string => `---
title: 示例页面第${i + 1}篇（示例）
date: "${date(i)}"
---

${body(i)}
`;

export function bare(root: string, pages: number): void {
  discard(root);
  write(path.join(root, 'package.json'), JSON.stringify({ name: `bare-${pages}`, private: true, type: 'module', dependencies: { astro: PEER_PACKAGES.astro } }, null, 2));
  write(path.join(root, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://bare.example.org' });\n`);
  write(path.join(root, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  pages: defineCollection({ loader: glob({ pattern: '*.md', base: './pages' }), schema: z.object({ title: z.string(), date: z.string() }) }),
};
`);
  write(path.join(root, 'src/pages/[id].astro'), `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('pages')).map((page) => ({ params: { id: page.id }, props: { page } }));
}
const { page } = Astro.props;
const { Content } = await render(page);
---
<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{page.data.title}</title></head>
<body><main><h1>{page.data.title}</h1><Content /></main></body></html>
`);
  for (let i = 0; i < pages; i++) write(path.join(root, `pages/p-${pad(i + 1)}.md`), page(i));
}

export function starlight(root: string, pages: number): void {
  discard(root);
  // Listed so that Vite bundles Starlight's components (Astro finds them from the root's dependencies).
  write(path.join(root, 'package.json'), JSON.stringify({ name: `starlight-${pages}`, private: true, type: 'module', dependencies: PEER_PACKAGES }, null, 2));
  const sidebar = Array.from({ length: 10 }, (_, i) => ({ label: `示例页面第${i + 1}篇`, link: `/p-${pad(i + 1)}/` }));
  write(path.join(root, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  site: 'https://starlight.example.org',
  integrations: [starlight({
    title: '基准测试',
    defaultLocale: 'root',
    locales: { root: { label: '简体中文', lang: 'zh-CN' } },
    sidebar: ${JSON.stringify(sidebar)},
  })],
});
`);
  write(path.join(root, 'src/content.config.ts'), `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`);
  for (let i = 0; i < pages; i++) write(path.join(root, `src/content/docs/p-${pad(i + 1)}.md`), page(i));
}
