/**
 * npm run validate [-- 内容目录] [--annotations]
 *
 * Checks every table under data/, every Markdown file under content/ and every upload (the documents
 * under files/, the pictures under content/) — the same checks the build runs — without building a
 * page, and lists every problem at once, in Chinese. Exit code 0 when all is well, 1 when there are
 * problems, 2 when the folder itself is wrong. With --annotations (the deploy workflow), each problem
 * is also printed as a GitHub Actions workflow command, so it shows on its file and line in the git
 * host's web view (tools/ci-annotations.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildCacheDir, buildTime, scriptConfig } from '../src/astro/config.ts';
import { uploadCache } from '../src/build-cache/upload-cache.ts';
import { diskRoot } from '../src/input/disk-root.ts';
import { checkPortal } from '../src/input/check-portal.ts';
import { formatProblems, sortProblems } from '../src/input/problems.ts';
import { beijingMoment, isPublished } from '../src/model/publish.ts';
import { CONTENT, type ContentName } from '../src/input/schema/frontmatter.ts';
import { TABLES, type TableName } from '../src/input/schema/tables.ts';
import { annotation } from './ci-annotations.ts';

const arg = process.argv.slice(2).find((a) => !a.startsWith('-'));
const annotations = process.argv.includes('--annotations');
// First, so a wrong PORTAL_* (PORTAL_NOW too) is reported before any table is read.
const settings = scriptConfig();
const root = arg ? path.resolve(arg) : settings.contentRoot;
const relative = path.relative(process.cwd(), root);
const shown = relative === '' ? '.' : relative.startsWith('..') ? root : relative;

if (!fs.existsSync(path.join(root, 'data')) && !fs.existsSync(path.join(root, 'content'))) {
  console.error(`“${shown}”下既没有 data/ 也没有 content/ 文件夹，不是内容目录。`);
  process.exit(2);
}

// A PDF or picture whose bytes an earlier run (or build) read is not read again (src/build-cache/upload-cache.ts).
const uploads = uploadCache(buildCacheDir(root));
const { data, problems } = await checkPortal(diskRoot(root), { uploads: uploads.cache });
uploads.save();
// Since the process started, module loading included: what an editor waits for.
const seconds = (performance.now() / 1000).toFixed(2);

if (problems.length > 0) {
  // Workflow commands are read from standard output; the paths are the repository's.
  if (annotations) for (const p of sortProblems(problems)) console.log(annotation(p, relative.startsWith('..') ? '' : relative));
  console.error(formatProblems(problems, '请逐条改正后再提交'));
  console.error(`\n检查目录：${shown}，用时 ${seconds} 秒。说明见 EDITING.md 的“错误信息与改法”。`);
  process.exit(1);
}

const rows = (Object.keys(TABLES) as TableName[]).reduce((n, t) => n + data[t].length, 0);
const collections = (Object.keys(CONTENT) as ContentName[]).map((c) => `${CONTENT[c].title} ${data.content[c].length}`);
console.log(`内容检查通过：${Object.keys(TABLES).length} 张数据表共 ${rows} 行；Markdown 文件：${collections.join('，')}。`);

const today = buildTime();
const held = (Object.keys(CONTENT) as ContentName[]).flatMap((c) =>
  data.content[c]
    .map((entry) => ({ entry, item: entry.data as { draft?: boolean; date?: string } }))
    .filter(({ item }) => !isPublished(item, today))
    .map(({ entry, item }) => `  ${entry.file}：${item.draft ? '草稿（draft: true），不发布' : `定于 ${item.date} 发布，到那天重新生成网站后出现`}`),
);
if (held.length > 0) console.log(`以下 ${held.length} 篇暂不出现在网站上：\n${held.join('\n')}`);
// A 公示 and its list appear from its starting hour (publish.ts): say which are still to come.
const waiting = data.publicity.filter((p) => beijingMoment(p.start).getTime() > today.getTime());
if (waiting.length > 0) console.log(`以下 ${waiting.length} 次公示尚未开始，名单暂不出现在网站上：\n${waiting.map((p) => `  data/publicity.csv 第 ${p.line} 行“${p.id}”：北京时间 ${p.start} 开始`).join('\n')}`);
console.log(`检查目录：${shown}，用时 ${seconds} 秒。`);
