import { describe, expect, it } from 'vitest';
import { yearResults } from '../../../src/model/results.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';
import { TABLES } from '../../../src/input/schema/tables.ts';
import { decisionRefs, yearPublicity } from '../../../src/model/procedure.ts';

const problemsOf = (name: string) => readPortalData(diskRoot(fixtureRoot(name))).problems;

describe('award rules, each broken by its own fixture', () => {
  it.each([
    ['award-over-cap', { file: 'data/awards.csv', line: 4, field: 'category（表彰项目编号）', message: '违反评选名额规则：2019 年“先进单位”最多评选 2 个，这是第 3 个' }],
    ['nomination-over-cap', { file: 'data/nominations.csv', line: 3, field: 'category（表彰项目编号）', message: '违反推荐名额规则：2019 年“先进单位”最多推荐 1 个申报奖状，这是第 2 个' }],
    ['nomination-not-recipient', { file: 'data/nominations.csv', line: 2, field: 'recipient（被推荐对象编号）', message: '违反推荐对象规则：“a-two”不是 2019 年“先进单位”的获表彰对象，不能推荐申报奖状' }],
    ['award-unknown-enterprise', { file: 'data/awards.csv', line: 2, field: 'recipient（获表彰对象编号）', message: '违反对象存在规则：“先进单位”的表彰对象应为企业（单位），但“nobody”在 enterprises.csv 中不存在' }],
    ['award-unknown-team', { file: 'data/awards.csv', line: 2, message: '违反对象存在规则：“先进集体”的表彰对象应为班组、车间、工段，但“no-team”在 teams.csv 中不存在' }],
    ['award-unknown-worker', { file: 'data/awards.csv', line: 2, message: '违反对象存在规则：“先进个人”的表彰对象应为个人，但“li-si”在 content/workers/（草稿不算） 中不存在' }],
    ['award-draft-worker', { file: 'data/awards.csv', line: 5, message: '违反对象存在规则：“先进个人”的表彰对象应为个人，但“wang-wu”在 content/workers/（草稿不算） 中不存在' }],
    ['award-unknown-category', { file: 'data/awards.csv', line: 2, field: 'category（表彰项目编号）', message: '2019 年没有编号为“gold”的表彰项目' }],
    ['award-not-participant', { file: 'data/awards.csv', line: 2, message: '违反参赛规则：“x-out”所在企业“x-out”不在 2019 年的参赛企业名单中' }],
  ])('%s', (name, expected) => {
    expect(problemsOf(name)).toContainEqual(expect.objectContaining(expected));
  });

  it('a withdrawn recipient still counts at the 公示 stage, but not in what is decided', () => {
    const messages = problemsOf('award-publicity-over-cap').map((p) => p.message);
    expect(messages).toEqual(['违反评选名额规则（公示阶段）：公示“p-award”中“先进单位”最多评选 2 个，这是第 3 个']);
  });

  it('the valid fixture breaks none of them', () => {
    expect(problemsOf('good')).toEqual([]);
  });
});

describe('the procedure: 公示, then the 表彰决定', () => {
  it.each([
    ['publicity-end-before-start', { file: 'data/publicity.csv', line: 2, column: 6, field: 'end（公示截止时间）', message: '违反公示期规则：截止时间 2019-12-02 08:00 不晚于开始时间 2019-12-02 09:00' }],
    ['publicity-unknown-category', { file: 'data/publicity.csv', line: 2, field: 'categories（公示的表彰项目）', message: '2019 年没有编号为“gold”的表彰项目' }],
    ['publicity-no-hour', { file: 'data/publicity.csv', line: 2, field: 'start（公示开始时间）', message: expect.stringContaining('时间应写成“年-月-日 时:分”（北京时间）') }],
    ['publicity-mobile-phone', { file: 'data/publicity.csv', line: 2, field: 'phone（联系电话）', message: '写有手机号码“139****5678”' }],
    ['award-unknown-publicity', { file: 'data/awards.csv', line: 2, column: 4, field: 'publicity（公示编号）', message: '违反公示规则：公示编号“p-2019”在 publicity.csv 中不存在' }],
    ['award-wrong-stage', { file: 'data/awards.csv', line: 2, message: '违反公示规则：公示“p-nomination”是推荐申报市级荣誉对象公示，这一行须列入评选表彰对象公示' }],
    ['nomination-not-covered', { file: 'data/nominations.csv', line: 2, field: 'publicity（公示编号）', message: '违反公示规则：公示“p-nomination”不包括表彰项目“team”' }],
    ['nomination-withdrawn', { file: 'data/nominations.csv', line: 2, field: 'recipient（被推荐对象编号）', message: '违反推荐对象规则：“a-one”在 2019 年“先进单位”公示后已被撤销（经核实，该单位竞赛期间能耗数据有误），不能推荐申报奖状' }],
    ['decision-before-end', { file: 'content/decisions/test-decision.md', line: 7, field: 'date', message: '违反表彰决定规则：成文日期 2019-12-06 在公示“p-award”期满（2019-12-06 18:00）之前' }],
    ['decision-unknown-publicity', { file: 'content/decisions/test-decision.md', line: 8, field: 'publicity', message: '违反表彰决定规则：公示编号“p-2019”在 publicity.csv 中不存在' }],
    ['decision-twice', { file: 'content/decisions/test-decision.md', field: 'publicity', message: '违反表彰决定规则：公示“p-award”已由 content/decisions/test-decision-again.md 作出决定' }],
  ])('%s', (name, expected) => {
    const problems = problemsOf(name);
    expect(problems).toContainEqual(expect.objectContaining(expected));
    expect(problems.every((p) => p.hint)).toBe(true);
  });

  it('a mobile number is refused as the objection office phone even without the privacy check', () => {
    expect(TABLES.publicity.schema.shape.phone.safeParse('13912345678').success).toBe(false);
    expect(TABLES.publicity.schema.shape.phone.safeParse('0391-3568011').success).toBe(true);
    expect(TABLES.publicity.schema.shape.phone.safeParse('12351').success).toBe(true);
  });

  it('reads the hour of a 公示 as Excel and Chinese input write it', () => {
    const start = TABLES.publicity.schema.shape.start;
    expect(['2024/12/2 9:00', '2024-12-02 09:00', '2024年12月2日9时', '2024-12-2T09:00', '2024/12/2 9:00:00'].map((v) => start.parse(v))).toEqual(Array(5).fill('2024-12-02 09:00'));
    expect(start.safeParse('2024-12-02 24:00').success).toBe(false);
  });
});

describe('content references and frontmatter', () => {
  it.each([
    ['story-unknown-enterprise', { file: 'content/stories/s-one.mdx', field: 'enterprise', message: '企业编号“ghost”在 enterprises.csv 中不存在' }],
    ['frontmatter-private-field', { file: 'content/workers/wang-wu.md', line: 6, field: 'phone', message: '不认识的字段“phone”' }],
    ['frontmatter-bad-date', { file: 'content/news/n-one.md', line: 3, field: 'date', message: '这一天不存在：2019 年 2 月只有 28 天，实际填写的是“2019-02-30”' }],
    ['worker-missing-photo', { file: 'content/workers/wang-wu.md', line: 6, field: 'photo', message: '照片文件“./photos/wang-wu.jpg”不存在' }],
    ['participation-missing-file', { file: 'data/participation.csv', line: 2, field: 'plan（竞赛活动实施方案）', message: '文件“files/a-one-plan.pdf”不存在' }],
  ])('%s', (name, expected) => {
    expect(problemsOf(name)).toContainEqual(expect.objectContaining(expected));
  });

  it('a web address for a document needs no file', () => {
    expect(problemsOf('participation-missing-file')).toHaveLength(1);
  });
});

describe('yearResults', () => {
  const { data } = readPortalData(diskRoot(fixtureRoot('good')));
  const workers = data.content.workers.map((w) => ({ id: w.id, name: w.data.name, enterprise: w.data.enterprise }));
  // After the decision (2019-12-20) and the nominations' own 公示 (to 2020-01-10 18:00).
  const publicity = yearPublicity(data, decisionRefs(data.content.decisions), 2019, new Date('2020-02-01T00:00:00+08:00'));

  it('resolves every recipient to its name, enterprise and zone, and marks nominations', () => {
    const results = yearResults(data, workers, 2019, publicity);
    expect(
      results.map((r) => [r.category.id, r.recipients.map((x) => [x.name, x.enterprise.id, x.zoneName, x.nominated])]),
    ).toEqual([
      ['unit', [['甲一公司', 'a-one', '甲县', true], ['市直一公司', 'c-one', '市直', false]]],
      ['team', [['甲一公司一车间', 'a-one', '甲县', false]]],
      ['individual', [['王五', 'a-one', '甲县', true]]],
    ]);
  });

  it('refuses to render a recipient it cannot resolve (e.g. a worker kept as a draft)', () => {
    expect(() => yearResults(data, [], 2019, publicity)).toThrow(/王五|wang-wu/);
  });
});
