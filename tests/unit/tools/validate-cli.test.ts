import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureRoot, treeHash } from '../../support/fixture-root.ts';

const SCRIPT = path.resolve(import.meta.dirname, '../../../tools/validate.ts');

function validate(root: string, env: Record<string, string> = {}) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, out: r.stdout, err: r.stderr, ms: performance.now() - started };
}

describe('npm run validate', () => {
  it('passes a valid root, names what is held back, and is fast', () => {
    const root = fixtureRoot('good');
    const { status, out, ms } = validate(root);
    expect(status).toBe(0);
    expect(out).toContain('内容检查通过：14 张数据表');
    expect(out).toContain('新闻 1，先进经验 1，劳模 1');
    expect(ms).toBeLessThan(5000);
  });

  it('lists every problem of every file at once, in Chinese, with where and how, and exits 1', () => {
    const root = fixtureRoot('many-problems');
    const before = treeHash(root);
    const { status, err } = validate(root);
    expect(status).toBe(1);
    expect(err).toContain('内容检查发现 3 个问题，请逐条改正后再提交：');
    expect(err).toContain('data/enterprises.csv\n  1. 第 1 行，E 列“phone”：“phone”不是本表规定的列\n     改法：删除这一列');
    expect(err).toContain('data/participation.csv\n  2. 第 6 行，A 列“year（年度）”：应为数字，实际填写的是“二〇一九”');
    expect(err).toContain('data/zones.csv\n  3. 第 2 行，E 列“quota（参赛名额）”：此项必填，不能留空\n     改法：填写参赛名额');
    expect(treeHash(root)).toBe(before);
  });

  it('tells drafts and scheduled items apart by PORTAL_NOW', () => {
    const demo = path.resolve(import.meta.dirname, '../../../examples/demo');
    const early = validate(demo, { PORTAL_NOW: '2025-01-01' });
    expect(early.status).toBe(0);
    expect(validate(demo, { PORTAL_NOW: '2024-12-02T08:00' }).out).toContain('data/publicity.csv 第 4 行“2024-award”：北京时间 2024-12-02 09:00 开始');
    expect(early.out).not.toContain('尚未开始');
    expect(early.out).toContain('content/news/2024-11-01-draft.md：草稿');
    expect(early.out).toContain('content/news/2099-01-01-scheduled.md：定于 2099-01-01 发布');
    expect(early.out).toContain('content/stories/2024-draft-story.mdx：草稿');
    expect(validate(demo, { PORTAL_NOW: '2099-01-01' }).out).not.toContain('2099-01-01-scheduled.md');
  });

  it('refuses a folder that is not a content root', () => {
    const { status, err } = validate(path.resolve(import.meta.dirname));
    expect(status).toBe(2);
    expect(err).toContain('不是内容目录');
  });
});
