import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotation } from '../../../tools/ci-annotations.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

describe('problems as GitHub Actions annotations', () => {
  it('a table cell: its file and line, the Excel column in the title, the fix on a second line', () => {
    expect(annotation({ file: 'data/zones.csv', line: 2, column: 5, field: 'quota（参赛名额）', message: '此项必填，不能留空', hint: '填写参赛名额' })).toBe(
      '::error file=data/zones.csv,line=2,title=内容检查：E 列“quota（参赛名额）”::此项必填，不能留空%0A改法：填写参赛名额',
    );
  });

  it('a Markdown field: its character column; the path of a content root inside the repository', () => {
    expect(annotation({ file: 'content/news/a.md', line: 3, column: 7, field: 'date', message: '100%, 不对' }, 'examples/demo')).toBe(
      '::error file=examples/demo/content/news/a.md,line=3,col=7,title=内容检查：第 3 行第 7 个字，字段“date”::100%25, 不对',
    );
  });

  it('npm run validate -- --annotations prints one per problem on standard output', () => {
    const r = spawnSync(process.execPath, [path.resolve('tools/validate.ts'), fixtureRoot('many-problems'), '--annotations'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^::error file=.*data\/zones\.csv,line=2,title=/);
    expect(spawnSync(process.execPath, [path.resolve('tools/validate.ts'), fixtureRoot('many-problems')], { encoding: 'utf8' }).stdout).not.toContain('::error');
  });
});
