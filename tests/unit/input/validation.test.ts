import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { checkPortal } from '../../../src/input/check-portal.ts';
import { readPortalData } from '../../../src/input/read.ts';
import type { Problem } from '../../../src/input/problems.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

/**
 * One fixture per bad input (tests/fixtures/<case>/ holds only the file it breaks, laid over
 * "good"), each giving exactly the problem an editor needs: file, line, column or field, what, how.
 */
const problemsOf = (name: string): Problem[] => readPortalData(diskRoot(fixtureRoot(name))).problems;

const NEWS = 'content/news/n-one.md';
const STORY = 'content/stories/s-one.mdx';

type Expected = Omit<Partial<Problem>, 'message' | 'hint'> & { message: string | RegExp; hint?: unknown };

const CASES: [string, Expected][] = [
  // CSV cells: numbers are numbers, dates are real dates, never a silent 0
  ['non-numeric-decimal', { file: 'data/energy.csv', line: 2, column: 5, field: 'value（本企业数值）', message: '应为数字，实际填写的是“约13250”' }],
  ['empty-number-cell', { file: 'data/energy.csv', line: 2, column: 6, message: '此项必填，不能留空' }],
  ['bad-month', { file: 'data/campaigns.csv', line: 2, column: 4, message: /月份应写成“年-月”/ }],
  // cross-file rules (awards and nominations: tests/unit/input/award-rules.test.ts on main)
  ['unknown-year', { file: 'data/zones.csv', line: 3, column: 1, message: '年度 2020 没有对应的竞赛' }],
  ['unknown-team-enterprise', { file: 'data/teams.csv', line: 2, column: 3, message: '企业编号“nobody”不存在' }],
  ['missing-document', { file: 'data/participation.csv', line: 2, column: 4, message: '文件“files/a-one-2019-summary.pdf”不存在' }],
  ['energy-not-participant', { file: 'data/energy.csv', line: 3, column: 2, message: '企业“nobody”不在 2019 年的参赛企业名单中' }],
  ['story-unknown-enterprise', { file: 'content/stories/s-one.mdx', line: 5, field: 'enterprise', message: '企业编号“ghost”在 enterprises.csv 中不存在' }],
  ['unknown-news-zone', { file: NEWS, line: 5, field: 'zone', message: '赛区编号“gamma”不存在' }],
  ['unknown-news-year', { file: NEWS, line: 4, field: 'year', message: '年度 2018 没有对应的竞赛' }],
  // privacy: only declared columns and fields, and no private number in any text
  ['undeclared-field', { file: NEWS, line: 5, field: 'address', message: '不认识的字段“address”' }],
  ['mobile-in-cell', { file: 'data/teams.csv', line: 2, column: 2, message: '写有手机号码“139****5678”' }],
  ['id-card-in-text', { file: 'content/workers/wang-wu.md', line: 8, message: '写有身份证号码“110105********002X”' }],
  ['mobile-spaces-in-cell', { file: 'data/teams.csv', line: 2, column: 2, message: '写有手机号码“138****8000”' }],
  ['mobile-plus86-in-frontmatter', { file: NEWS, line: 2, column: 16, message: '写有手机号码“139****5678”' }],
  ['mobile-fullwidth-in-news', { file: NEWS, line: 7, column: 10, message: '写有手机号码“139****5678”' }],
  ['id-card-spaces-in-text', { file: 'content/workers/wang-wu.md', line: 9, column: 9, message: '写有身份证号码“110105********002X”' }],
  ['bank-card-in-text', { file: NEWS, line: 7, column: 16, message: '写有银行卡号“6222********7894”' }],
  ['mobile-entities-in-body', { file: NEWS, line: 9, column: 6, message: '写有手机号码“139****5678”' }],
  // Markdown files as editors get them wrong
  ['no-frontmatter', { file: NEWS, line: 1, message: /缺少由两行 --- 包围的信息块/ }],
  ['fullwidth-colon', { file: NEWS, line: 2, field: 'title', message: '字段“title”后面的冒号是中文全角“：”' }],
  ['colon-in-title', { file: NEWS, line: 2, message: '这一行的写法无法识别', hint: expect.stringContaining('英文双引号') }],
  ['frontmatter-bad-date', { file: NEWS, line: 3, field: 'date', message: /这一天不存在/ }],
  ['draft-not-boolean', { file: NEWS, line: 5, field: 'draft', message: '只能填 true 或 false，实际填写的是“是”' }],
  ['worker-bad-category', { file: 'content/workers/wang-wu.md', line: 4, field: 'category', message: /只能填写以下之一：劳模、工匠、技术标兵/ }],
  ['worker-missing-photo', { file: 'content/workers/wang-wu.md', line: 6, field: 'photo', message: '照片文件“./photos/wang-wu.jpg”不存在' }],
  ['gbk-markdown', { file: NEWS, message: /不是 UTF-8 编码/ }],
  ['bad-filename', { file: 'content/news/2019-03-01-启动.md', message: /文件名只能用小写英文字母/ }],
  ['duplicate-story-id', { file: 'content/stories/s-one.mdx', message: /与 content\/stories\/s-one\.md 同名/ }],
  ['mdx-braces', { file: STORY, line: 11, column: 5, message: /英文花括号/ }],
  // markup: only the allowed HTML, and nothing that runs, in Markdown and MDX bodies
  ['html-script', { file: NEWS, line: 9, column: 5, message: '正文中不能使用 HTML 标签 <script>' }],
  ['html-meta-refresh', { file: NEWS, line: 9, column: 1, message: '正文中不能使用 HTML 标签 <meta>' }],
  ['html-event-handler', { file: NEWS, line: 9, column: 1, message: '标签 <img> 带有 onerror，这是会在读者浏览器里运行的程序代码' }],
  ['javascript-link', { file: NEWS, line: 9, column: 3, message: '地址“javascript:alert(1)”不允许使用' }],
  ['data-uri-image', { file: NEWS, line: 9, column: 1, message: /^图片地址“data:image\/svg\+xml;.*”把图片内容直接写进了正文/ }],
  ['remote-image', { file: NEWS, line: 9, column: 1, message: '图片地址“https://evil.example/pixel.png”在别的网站上，读者的浏览器不会显示它' }],
  ['mdx-import', { file: STORY, line: 11, column: 1, message: 'MDX 文件里不能写 import 或 export' }],
  ['mdx-export', { file: STORY, line: 11, column: 1, message: 'MDX 文件里不能写 import 或 export' }],
  ['mdx-expression', { file: STORY, line: 11, column: 13, message: '组件 <QuotaChart> 的属性 year 的值 {process.env.HOME} 是程序代码，不是直接写出的数字或文字' }],
  ['mdx-unknown-component', { file: STORY, line: 11, column: 1, message: '没有名为 <Counter> 的组件', hint: expect.stringContaining('QuotaChart') }],
  ['mdx-unknown-prop', { file: STORY, line: 11, column: 25, message: '组件 <QuotaChart> 没有属性 colour', hint: expect.stringContaining('可用的属性：year') }],
  // parsers: one clear message where the file's form is wrong, nothing guessed, nothing skipped
  ['decimal-comma', { file: 'data/zones.csv', line: 3, column: 5, field: 'quota（参赛名额）', message: '小数点写成了逗号，实际填写的是“0,9”' }],
  ['tab-separator', { file: 'data/zones.csv', line: 1, message: '各列之间用的是 Tab 制表符，不是英文逗号“,”，整张表读成了一列' }],
  ['fullwidth-comma-separator', { file: 'data/zones.csv', line: 1, message: '各列之间用的是中文全角逗号“，”，不是英文逗号“,”，整张表读成了一列' }],
  ['yaml-alias-bomb', { file: NEWS, line: 5, column: 7, message: '内容以 * 或 & 开头，信息块会把它当成引用而不是文字' }],
  ['uppercase-extension', { file: 'content/news/n-two.MD', message: '扩展名不是小写的 .md，这个文件不会发布', hint: expect.stringContaining('n-two.md') }],
  ['markdown-extension', { file: 'content/stories/s-two.markdown', message: '扩展名不是小写的 .md 或 .mdx，这个文件不会发布' }],
  // links and pictures that can be checked without building
  ['missing-image', { file: NEWS, line: 9, column: 1, message: '图片“./images/qidong.jpg”不存在' }],
  ['missing-linked-file', { file: NEWS, line: 7, message: '链接的文件“/files/a-one-2019-fangan.pdf”不存在' }],
  ['link-to-markdown', { file: NEWS, line: 7, message: /链接指向了 Markdown 文件/ }],
  // only documents and pictures from inside the content root (links and oversized files: tests/unit/input/files.test.ts)
  ['files-html', { file: 'files/a-one-2019-plan.html', message: '网站不发布 .html 文件', hint: expect.stringContaining('PDF') }],
  ['files-svg', { file: 'files/a-one-chart.svg', message: '网站不发布 .svg 文件', hint: expect.stringContaining('PNG') }],
  ['files-fake-pdf', { file: 'files/a-one-2019-plan.pdf', message: '文件的扩展名是 .pdf，但内容不是 PDF 文件' }],
  ['worker-photo-outside', { file: 'content/workers/wang-wu.md', line: 6, field: 'photo', message: '照片文件“../../../etc/hostname”在内容目录之外，网站不能使用' }],
  ['image-outside-root', { file: NEWS, line: 9, column: 1, message: '图片“../../../../../etc/hostname”在内容目录之外，网站不能使用' }],
];

describe('each bad input gives its problem, located', () => {
  it.each(CASES)('%s', (name, expected) => {
    const { message, ...rest } = expected;
    expect(problemsOf(name)).toContainEqual(
      expect.objectContaining({ ...rest, message: typeof message === 'string' ? message : expect.stringMatching(message) }),
    );
  });

  it.each(['decimal-comma', 'tab-separator', 'yaml-alias-bomb'])('%s gives one problem, not a follow-on list', (name) => {
    expect(problemsOf(name)).toHaveLength(1);
  });

  it('a misplaced folder and a Word file in a Markdown folder are named', () => {
    const root = fixtureRoot('good');
    fs.mkdirSync(path.join(root, 'content', '新闻'));
    fs.writeFileSync(path.join(root, 'content', 'news', '启动仪式.docx'), 'x');
    fs.writeFileSync(path.join(root, 'content', 'news', 'photo.JPG'), 'x');
    fs.writeFileSync(path.join(root, 'content', 'news', 'Thumbs.db'), 'x');
    expect(readPortalData(diskRoot(root)).problems.map((p) => [p.file, p.message])).toEqual([
      ['content/news/启动仪式.docx', '文档不能直接作为网页发布'],
      ['content/新闻', '不认识的文件夹，里面的文件不会发布'],
    ]);
  });

  it('a YAML tag, a stray --- and a leading @ are said in Chinese, each on its line', () => {
    const root = fixtureRoot('good');
    const news = path.join(root, NEWS);
    fs.writeFileSync(news, '---\ntitle: !js/function 标题\ndate: 2019-03-01\nyear: 2019\nsummary: @焦作\n---\n\n正文。\n');
    expect(readPortalData(diskRoot(root)).problems.map((p) => [p.line, p.message])).toEqual([
      [2, '内容以 ! 开头，信息块会把它当成类型标记'],
      [5, '内容不能以 @ 或 ` 开头'],
    ]);
  });

  it('a missing table is named', () => {
    const root = fixtureRoot('good');
    fs.rmSync(path.join(root, 'data', 'teams.csv'));
    expect(readPortalData(diskRoot(root)).problems).toEqual([
      expect.objectContaining({ file: 'data/teams.csv', message: '缺少数据表“班组、车间、工段”', hint: expect.stringContaining('teams.csv') }),
    ]);
  });
});

describe('every problem says how to fix it', () => {
  const cases = fs
    .readdirSync(path.resolve(import.meta.dirname, '../../fixtures'))
    // Pictures whose metadata is no problem: they are published cleaned (tests/unit/input/uploads.test.ts);
    // a frontmatter date as typed is read, not refused.
    .filter((name) => !['good', 'broken-link', 'escaping', 'payloads', 'files-jpeg-gps', 'files-png-text-chunk', 'frontmatter-typed-date'].includes(name) && !name.startsWith('excel-'));
  // Every check, the reading of uploads included.
  const allProblemsOf = async (name: string) => (await checkPortal(diskRoot(fixtureRoot(name)))).problems;

  it('covers every bad fixture with at least one problem', async () => {
    const silent: string[] = [];
    for (const name of cases) if ((await allProblemsOf(name)).length === 0) silent.push(name);
    expect(silent).toEqual([]);
  });

  it.each(cases)('%s', async (name) => {
    for (const p of await allProblemsOf(name)) {
      expect(p.hint, JSON.stringify(p)).toMatch(/\S/);
      expect(p.message).toMatch(/[\u4e00-\u9fff]/);
      if (p.file.endsWith('.csv') && p.field && p.line !== undefined && p.line > 1) expect(p.column, JSON.stringify(p)).toBeGreaterThan(0);
    }
  });
});

describe('what Excel writes is accepted as it is', () => {
  it('dates and months as Chinese Excel saves them', () => {
    const { data, problems } = readPortalData(diskRoot(fixtureRoot('excel-dates')));
    expect(problems).toEqual([]);
    expect(data.timeline.find((t) => t.order === 2)?.date).toBe('2019-04-30');
    expect(data.campaigns[0]?.report_deadline).toBe('2019-04');
  });

  it('empty columns and rows Excel leaves after deleted cells, with CRLF', () => {
    const { data, problems } = readPortalData(diskRoot(fixtureRoot('excel-empty-columns')));
    expect(problems).toEqual([]);
    expect(data.zones.map((z) => [z.id, z.quota])).toEqual([
      ['alpha', 3],
      ['beta', 1],
    ]);
  });

  it('numbers with thousands separators', () => {
    const { data, problems } = readPortalData(diskRoot(fixtureRoot('excel-numbers')));
    expect(problems).toEqual([]);
    expect(data.energy[0]?.value).toBe(13250);
  });
});

describe('the valid fixture with every kind of Markdown', () => {
  it('reads news, stories and workers with the line of each field', () => {
    const { data, problems } = readPortalData(diskRoot(fixtureRoot('good')));
    expect(problems).toEqual([]);
    expect(data.content.news.map((n) => n.id)).toEqual(['n-one']);
    expect(data.content.stories[0]?.lines.enterprise).toBe(5);
    expect(data.content.workers[0]?.data.honours).toEqual(['先进个人']);
  });

  it('never rewrites the editors’ files', () => {
    const root = fixtureRoot('excel-gbk');
    const before = fs.readFileSync(path.join(root, 'data', 'zones.csv'));
    readPortalData(diskRoot(root));
    expect(fs.readFileSync(path.join(root, 'data', 'zones.csv'))).toEqual(before);
  });
});

describe('MDX text', () => {
  it('leaves component props alone, across lines, and flags a < that would open a tag', () => {
    const root = fixtureRoot('good');
    fs.writeFileSync(
      path.join(root, 'content/stories/s-one.mdx'),
      [
        '---',
        'title: 测试经验',
        'date: 2019-05-01',
        'year: 2019',
        'enterprise: a-one',
        'summary: 摘要',
        '---',
        '',
        '<DataTable',
        '  caption="措施"',
        "  columns={['措施', '节电（万千瓦时）']}",
        '  rows={[[1, 2]]}',
        '/>',
        '',
        '代码 `a{b}` 不算。',
        '温度 < 80 度，MDX 读作文字。',
        '温度<80度。',
      ].join('\n'),
    );
    expect(readPortalData(diskRoot(root)).problems).toEqual([
      expect.objectContaining({ file: 'content/stories/s-one.mdx', line: 17, column: 3, message: expect.stringContaining('英文小于号') }),
    ]);
  });
});
