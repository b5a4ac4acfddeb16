/**
 * npm run build: node tools/build.ts [网站目录，默认 dist] [--part-pages N]
 *
 * Runs every step of the build (tools/build-site.ts) and puts the site in place only when all of
 * them have succeeded; on any failure the folder keeps the last good site, and the exit code is 1.
 */
import path from 'node:path';
import { buildSite } from './build-site.ts';

const args = process.argv.slice(2);
const flag = args.indexOf('--part-pages');
const partPages = flag === -1 ? undefined : Number(args[flag + 1]);
if (partPages !== undefined && (!Number.isInteger(partPages) || partPages < 1)) {
  console.error(`生成网站：--part-pages 应为正整数，实际为“${args[flag + 1] ?? ''}”。`);
  process.exit(1);
}
const outDir = args.find((a, i) => !a.startsWith('--') && (flag === -1 || i !== flag + 1)) ?? 'dist';
const result = buildSite(outDir, {}, process.cwd(), { partPages, echo: true });
if (result.status !== 0) {
  console.error(`\n网站未生成（${result.steps.at(-1)} 一步失败），${path.relative(process.cwd(), path.resolve(outDir)) || outDir}/ 保持原样。`);
  process.exit(1);
}
