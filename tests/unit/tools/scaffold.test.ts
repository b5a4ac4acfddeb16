import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readFrontmatter } from '../../../src/input/markdown.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { fileName, fileText, personSlug, slugify, type ScaffoldInput } from '../../../tools/scaffold.ts';
import { CONTENT } from '../../../src/input/schema/frontmatter.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

describe('addresses from Chinese', () => {
  it.each([
    ['测试竞赛启动', 'ceshi-jingsai-qidong'],
    ['2024年度竞赛启动 ABC 会议', '2024-niandu-jingsai-qidong'],
    ['重庆重工：节能', 'chongqing-zhonggong-jieneng'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('a person: surname, then given name', () => {
    expect(personSlug('李秀兰')).toBe('li-xiulan');
    expect(personSlug('张三')).toBe('zhang-san');
  });
});

describe('the new file', () => {
  const base = { date: '2024-05-06', year: 2024 };
  const cases: [ScaffoldInput, string, 'news' | 'stories' | 'workers'][] = [
    [{ ...base, kind: 'news', title: '竞赛推进会召开: 甲县先行' }, 'content/news/2024-05-06-jingsai-tuijin-huizhao-kai.md', 'news'],
    [{ ...base, kind: 'story', title: '余热回收', enterprise: 'a-one' }, 'content/stories/2024-yure-huishou.mdx', 'stories'],
    [{ ...base, kind: 'worker', title: '李秀兰', enterprise: 'a-one', category: '工匠', role: '技师' }, 'content/workers/li-xiulan.md', 'workers'],
  ];

  it.each(cases)('%o is named %s and its frontmatter is valid, as a draft', (input, name, collection) => {
    expect(fileName(input)).toBe(name);
    const text = fileText(input);
    const read = readFrontmatter(new TextEncoder().encode(text), name, CONTENT[collection].schema);
    expect(read.problems).toEqual([]);
    expect(read.data).toMatchObject({ draft: true });
    if (collection !== 'workers') expect(read.data).toMatchObject({ title: input.title, date: '2024-05-06', year: 2024 });
  });

  it('--publish leaves the draft line out', () => {
    expect(fileText({ ...base, kind: 'news', title: '标题', publish: true })).not.toContain('draft:');
  });
});

describe('npm run new', () => {
  const SCRIPT = path.resolve(import.meta.dirname, '../../../tools/new.ts');
  const run = (root: string, args: string[]) =>
    spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', input: '', env: { ...process.env, PORTAL_CONTENT: root, PORTAL_NOW: '2019-05-20' } });

  it('creates each kind with today’s date, and the content still validates', () => {
    const root = fixtureRoot('good');
    expect(run(root, ['news', '第二次推进会']).stdout).toContain('已建立新闻：content/news/2019-05-20-dier-citui-jinhui.md');
    expect(run(root, ['story', '甲二公司节水', '--enterprise', 'a-two']).stdout).toContain('content/stories/2019-jiaer-gongsi-jieshui.mdx');
    expect(run(root, ['worker', '李四', '--enterprise', 'a-one', '--category', '技术标兵', '--role', '电工']).stdout).toContain('content/workers/li-si.md');
    const news = fs.readFileSync(path.join(root, 'content/news/2019-05-20-dier-citui-jinhui.md'), 'utf8');
    expect(news).toContain('date: 2019-05-20\nyear: 2019\n');
    const { data, problems } = readPortalData(diskRoot(root));
    expect(problems).toEqual([]);
    expect(data.content.workers.map((w) => w.id)).toContain('li-si');
  });

  it('never overwrites, and says what is missing without a terminal to ask in', () => {
    const root = fixtureRoot('good');
    const story = run(root, ['story', '余热回收']);
    expect(story.status).toBe(1);
    expect(story.stderr).toContain('缺少企业编号：请加上 --enterprise a-one（可选：a-one、a-two、c-one、c-two）');
    const worker = run(root, ['worker', '王五', '--enterprise', 'a-one', '--category', '工匠', '--role', '电解工']);
    expect(worker.status).toBe(1);
    expect(worker.stderr).toContain('content/workers/wang-wu.md 已经存在，没有改动它');
    expect(run(root, ['page', '标题']).stderr).toContain('第一个参数应为 news');
  });
});
