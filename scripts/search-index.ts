/**
 * The second step of `npm run build`: node scripts/search-index.ts [网站目录，默认 dist]
 *
 * Indexes the built site for search (src/lib/search/indexer.ts) and writes <目录>/pagefind/. It runs
 * in its own process after `astro build` has exited, so the two never hold their memory at once; a
 * failure exits non-zero and so fails the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSearchIndex } from '../src/lib/search/indexer.ts';

const dir = path.resolve(process.argv[2] ?? 'dist');
if (!fs.existsSync(path.join(dir, 'index.html'))) {
  console.error(`搜索索引：${dir} 中没有生成好的网站（缺少 index.html），请先运行 astro build。`);
  process.exit(1);
}
const started = Date.now();
try {
  const stats = await buildSearchIndex(dir);
  console.log(`搜索索引：收录 ${stats.pages} 个页面（${stats.skipped} 个页面不参与搜索），用时 ${Date.now() - started} ms`);
} catch (error) {
  console.error(`搜索索引生成失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
