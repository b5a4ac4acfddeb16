/**
 * The second step of `npm run build`: node tools/search-index.ts [网站目录，默认 dist] [--part-pages N]
 *
 * Indexes the built site for search (src/search/build/indexer.ts) and writes <目录>/pagefind/. It runs
 * in its own process after `astro build` has exited, so the two never hold their memory at once; a
 * failure exits non-zero and so fails the build. --part-pages sets how many pages one Pagefind bundle
 * holds (default PART_PAGES); the demo build uses a small number so that the browser tests go
 * through the merging of bundles that only a very large site would otherwise need.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PART_PAGES, buildSearchIndex } from '../src/search/build/indexer.ts';
import { buildCacheDir, scriptConfig } from '../src/astro/config.ts';

const args = process.argv.slice(2);
const flag = args.indexOf('--part-pages');
const partPages = flag === -1 ? PART_PAGES : Number(args[flag + 1]);
if (!Number.isInteger(partPages) || partPages < 1) {
  console.error(`搜索索引：--part-pages 应为正整数，实际为“${args[flag + 1] ?? ''}”。`);
  process.exit(1);
}
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && (flag === -1 || i !== flag + 1)) ?? 'dist');
if (!fs.existsSync(path.join(dir, 'index.html'))) {
  console.error(`搜索索引：${dir} 中没有生成好的网站（缺少 index.html），请先运行 astro build。`);
  process.exit(1);
}
const started = Date.now();
try {
  const cacheFile = path.join(buildCacheDir(scriptConfig().contentRoot), 'search-records.json');
  const stats = await buildSearchIndex(dir, 'pagefind', partPages, cacheFile);
  const reused = stats.reused > 0 ? `，其中 ${stats.reused} 个与上次相同、未重新生成` : '';
  const parts = stats.parts > 1 ? `，分 ${stats.parts} 个索引包${reused}` : stats.reused > 0 ? '，索引与上次相同、未重新生成' : '';
  console.log(`搜索索引：收录 ${stats.pages} 个页面（${stats.skipped} 个页面不参与搜索${parts}），用时 ${Date.now() - started} ms`);
} catch (error) {
  console.error(`搜索索引生成失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
