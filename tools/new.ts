/**
 * npm run new -- news  "标题"  [--date 2024-05-06] [--zone qinyang] [--slug jingsai-qidong]
 * npm run new -- story "标题"  --enterprise hongyuan-huagong
 * npm run new -- worker "姓名" --enterprise hongyuan-huagong --category 工匠 --role 技师
 *
 * Creates a correctly named file under content/ with its frontmatter filled in and today's date
 * (Beijing), as a draft unless --publish is given. Asks for what is missing when run in a terminal;
 * otherwise says which option to add. Never overwrites a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { buildTime, scriptConfig } from '../src/astro/config.ts';
import { readFrontmatter } from '../src/input/markdown.ts';
import { beijingDate } from '../src/model/publish.ts';
import { fileName, fileText, KINDS, type Kind, type ScaffoldInput } from './scaffold.ts';
import { isRealDate } from '../src/input/schema/day.ts';
import { CONTENT, WORKER_CATEGORIES } from '../src/input/schema/frontmatter.ts';
import { TABLES, type TableDef } from '../src/input/schema/tables.ts';
import { readTable } from '../src/input/table.ts';

const USAGE = `用法：
  npm run new -- news "新闻标题"
  npm run new -- story "先进经验标题" --enterprise 企业编号
  npm run new -- worker "姓名" --enterprise 企业编号 --category 工匠 --role 岗位
可选：--date 年-月-日（默认今天） --year 竞赛年度 --slug 网址中的英文名 --zone 赛区编号（新闻） --publish（不作为草稿）`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(1);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        year: { type: 'string' },
        slug: { type: 'string' },
        enterprise: { type: 'string' },
        zone: { type: 'string' },
        category: { type: 'string' },
        role: { type: 'string' },
        publish: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    return fail(`参数不正确：${(e as Error).message}`);
  }
})();

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const [kindArg, ...titleWords] = positionals;
if (!kindArg || !(kindArg in KINDS)) fail(`第一个参数应为 news（新闻）、story（先进经验）或 worker（劳模），实际为“${kindArg ?? ''}”`);
const kind = kindArg as Kind;
const title = titleWords.join(' ').trim();
if (!title) fail(`请在 ${kind} 后面写${kind === 'worker' ? '姓名' : '标题'}，用英文双引号括起来`);

const root = scriptConfig().contentRoot;
const date = values.date ?? beijingDate(buildTime());
if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isRealDate(date)) fail(`--date 应为“年-月-日”，例如 2024-05-06，实际为“${date}”`);

const rows = <S extends z.ZodObject>(def: TableDef<S>) => {
  const file = path.join(root, 'data', def.file);
  return fs.existsSync(file) ? readTable(def, fs.readFileSync(file)).rows : [];
};
const years = rows(TABLES.campaigns).map((c) => c.year).sort((a, b) => a - b);
const dateYear = Number(date.slice(0, 4));
const year = values.year ? Number(values.year) : years.includes(dateYear) ? dateYear : (years.filter((y) => y <= dateYear).at(-1) ?? years.at(-1));
if (year === undefined || !Number.isInteger(year)) fail('data/campaigns.csv 中没有竞赛年度，请用 --year 指定');
if (years.length > 0 && !years.includes(year)) fail(`竞赛年度 ${year} 不在 data/campaigns.csv 中（已有：${years.join('、')}）`);

const enterprises = rows(TABLES.enterprises);
const zones = [...new Set(rows(TABLES.zones).filter((zone) => zone.year === year).map((zone) => zone.id))];

const interactive = process.stdin.isTTY && process.stdout.isTTY;
const terminal = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

/** A required value: from its option, else asked in a terminal, else an error naming the option. */
async function need(option: string, label: string, choices: string[], given: string | undefined): Promise<string> {
  let value = given?.trim();
  while (!value || (choices.length > 0 && !choices.includes(value))) {
    const list = choices.length > 0 ? `（可选：${choices.join('、')}）` : '';
    if (value) console.error(`“${value}”不是可选的${label}${list}`);
    if (!terminal) fail(`缺少${label}：请加上 --${option} ${choices[0] ?? '…'}${list}`);
    value = (await terminal.question(`${label}${list}：`)).trim();
  }
  return value;
}

const input: ScaffoldInput = { kind, title, date, year, slug: values.slug, publish: values.publish };
if (kind !== 'news') input.enterprise = await need('enterprise', '企业编号', enterprises.map((e) => e.id), values.enterprise);
if (kind === 'news' && values.zone) input.zone = await need('zone', '赛区编号', zones, values.zone);
if (kind === 'worker') {
  input.category = await need('category', '类别', [...WORKER_CATEGORIES], values.category);
  input.role = await need('role', '岗位', [], values.role);
}
terminal?.close();

let file: string;
try {
  file = fileName(input);
} catch (e) {
  fail(`${(e as Error).message}：请用 --slug 指定，例如 --slug jingsai-qidong`);
}
const full = path.join(root, file);
if (fs.existsSync(full)) fail(`${file} 已经存在，没有改动它。换一个标题，或用 --slug 指定另一个网址名`);

const text = fileText(input);
const collection = { news: 'news', story: 'stories', worker: 'workers' } as const;
const check = readFrontmatter(new TextEncoder().encode(text), file, CONTENT[collection[kind]].schema);
if (check.problems.length > 0) fail(`生成的内容有误（请报告给技术人员）：${JSON.stringify(check.problems)}`);

fs.mkdirSync(path.dirname(full), { recursive: true });
fs.writeFileSync(full, text, { flag: 'wx' });
console.log(`已建立${KINDS[kind].title}：${file}`);
console.log(
  input.publish
    ? '下一步：写正文，运行 npm run validate 检查，然后提交。'
    : '下一步：写正文，运行 npm run validate 检查；核对无误后删除 draft: true 这一行，再提交。',
);
