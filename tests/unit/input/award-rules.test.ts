import { describe, expect, it } from 'vitest';
import { yearResults } from '../../../src/model/results.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

const problemsOf = (name: string) => readPortalData(fixtureRoot(name)).problems;

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

  it('the valid fixture breaks none of them', () => {
    expect(problemsOf('good')).toEqual([]);
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
  const { data } = readPortalData(fixtureRoot('good'));
  const workers = data.content.workers.map((w) => ({ id: w.id, name: w.data.name, enterprise: w.data.enterprise }));

  it('resolves every recipient to its name, enterprise and zone, and marks nominations', () => {
    const results = yearResults(data, workers, 2019);
    expect(
      results.map((r) => [r.category.id, r.recipients.map((x) => [x.name, x.enterprise.id, x.zoneName, x.nominated])]),
    ).toEqual([
      ['unit', [['甲一公司', 'a-one', '甲县', true], ['市直一公司', 'c-one', '市直', false]]],
      ['team', [['甲一公司一车间', 'a-one', '甲县', false]]],
      ['individual', [['王五', 'a-one', '甲县', true]]],
    ]);
  });

  it('refuses to render a recipient it cannot resolve (e.g. a worker kept as a draft)', () => {
    expect(() => yearResults(data, [], 2019)).toThrow(/王五|wang-wu/);
  });
});
