// Indexes a built site with Pagefind's Node API (the npm package, which runs its extended,
// CJK-segmenting build), writing <site>/pagefind/. Run by scripts/bench/run.mjs as its own
// process so its time and memory are measured apart from the Astro build.
// Usage: node scripts/bench/pagefind-index.mjs <built site folder>
import path from 'node:path';
import * as pagefind from 'pagefind';

const site = path.resolve(process.argv[2] ?? 'dist');
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: site });
if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`indexed ${added.page_count} pages`);
