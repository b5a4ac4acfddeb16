/**
 * npm run check:links [-- dist目录]
 *
 * After a build: every internal link, picture, script, style sheet and download of the built site
 * resolves to a file in dist/, and every #anchor to a place on its page. Names the page and the
 * link. Exit code 0 when all resolve, 1 otherwise. `npm test` and the deploy workflow run it after
 * the build, so a broken link is never published.
 */
import fs from 'node:fs';
import path from 'node:path';
import { scriptConfig } from '../src/astro/config.ts';
import { checkLinks, formatBrokenLinks, sourceFinder } from './links.ts';

const dist = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'dist');
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`“${dist}”中没有 index.html：请先运行 npm run build。`);
  process.exit(2);
}
const report = checkLinks(dist, { site: scriptConfig().site });
if (report.broken.length > 0) {
  console.error(formatBrokenLinks(report, sourceFinder(scriptConfig().contentRoot)));
  process.exit(1);
}
console.log(`链接检查通过：${report.files} 个文件中的 ${report.links} 个站内链接都能打开。`);
