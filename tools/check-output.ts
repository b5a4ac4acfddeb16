/**
 * The last step of `npm run build`: node tools/check-output.ts <网站目录>
 *
 * The gate before the site is put in place: reads what the built site says, in every page, feed and
 * data file, and refuses it when a personal number got through, whatever template or data path it
 * came by (tools/privacy-scan.ts); and every other published file by its content (documents,
 * pictures, anything else: tools/published-files-scan.ts). A refusal exits non-zero, so the build leaves dist/ as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildCacheDir, scriptConfig } from '../src/astro/config.ts';
import { PRIVATE_HINT, PRIVATE_KIND } from '../src/input/privacy.ts';
import { findPrivateNumbersInBuild } from './privacy-scan.ts';
import { findUnsafePublishedFiles } from './published-files-scan.ts';

const dir = path.resolve(process.argv[2] ?? 'dist');
if (!fs.existsSync(path.join(dir, 'index.html'))) {
  console.error(`发布检查：${dir} 中没有生成好的网站（缺少 index.html）。`);
  process.exit(1);
}
const started = Date.now();
const cacheDir = buildCacheDir(scriptConfig().contentRoot);
// A file found clean by an earlier build, byte for byte, is not read again.
const findings = findPrivateNumbersInBuild(dir, path.join(cacheDir, 'publication-check.json'));
const files = await findUnsafePublishedFiles(dir, path.join(cacheDir, 'publication-files-check.json'));
if (findings.length > 0) {
  console.error(`发布检查发现 ${findings.length} 处个人号码，网站未发布：`);
  for (const f of findings) console.error(`  ${f.file}：写有${PRIVATE_KIND[f.kind]}“${f.masked}”`);
  console.error(`改法：${PRIVATE_HINT}。在内容目录中搜索号码的前几位和后几位，找到写有它的表格或文章。`);
}
if (files.length > 0) {
  console.error(`发布检查在文档、图片等文件里发现 ${files.length} 处问题，网站未发布：`);
  for (const f of files) console.error(`  ${f.file}：${f.message}`);
  console.error('改法：先运行 npm run validate，它会指出内容目录里对应的文件和改法；它没有报出的，是生成网站的程序的问题，请告诉维护网站的技术人员。');
}
if (findings.length > 0 || files.length > 0) process.exit(1);
console.log(`发布检查：没有发现个人号码，文档和图片中没有附带信息和活动内容，用时 ${Date.now() - started} ms`);
