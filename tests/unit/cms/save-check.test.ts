import { describe, expect, it } from 'vitest';
import { contentRootFiles } from '../../../src/cms/demo-repo.ts';
import { checkSave, editorField, type Repo } from '../../../src/cms/save-check.ts';

/** The demo's content root as the CMS's test repository holds it. */
const demo: Repo = new Map(Object.entries(contentRootFiles('examples/demo')).map(([file, base64]) => [file, new Uint8Array(Buffer.from(base64, 'base64'))]));
const textOf = (repo: Repo, file: string) => new TextDecoder().decode(repo.get(file) as Uint8Array);
const bytes = (text: string) => new TextEncoder().encode(text);
const edit = (repo: Repo, file: string, change: (text: string) => string) => ({ path: file, bytes: bytes(change(textOf(repo, file))) });

describe('checkSave: the repository as it would be after a save', () => {
  it('lets a good save through: the demo unchanged has no problem', () => {
    expect(checkSave(demo, [edit(demo, 'data/zones.csv', (t) => t.replace('2024,beihu,北湖区', '2024,beihu,北湖新区'))])).toEqual({ introduced: [], existing: [], uploading: [] });
  });

  it('refuses what the save brings, in other files too: a quota raised breaks the campaign’s total', () => {
    const { introduced } = checkSave(demo, [edit(demo, 'data/zones.csv', (t) => t.replace('2024,dongcheng,东城区,county,4', '2024,dongcheng,东城区,county,5'))]);
    expect(introduced).toEqual([expect.objectContaining({ file: 'data/campaigns.csv', field: 'planned_enterprises（确定参赛企业总数）', message: '各赛区名额 12 家加市直参赛企业 3 家，合计 15 家，与确定的 14 家不符' })]);
  });

  it('names every row that still names a deleted enterprise', () => {
    const { introduced } = checkSave(demo, [edit(demo, 'data/enterprises.csv', (t) => t.replace(/^qinglan-lvye,.*\n/m, ''))]);
    const files = new Set(introduced.map((p) => p.file));
    for (const file of ['data/participation.csv', 'data/awards.csv', 'data/teams.csv', 'content/workers/zhang-mingyuan.md']) expect(files).toContain(file);
    expect(introduced.every((p) => p.file === 'data/campaigns.csv' || `${p.message}`.includes('qinglan-lvye'))).toBe(true);
  });

  it('does not refuse what was broken before the save: an editor mends one file of two', () => {
    const broken = new Map(demo);
    broken.set('data/teams.csv', bytes(`${textOf(demo, 'data/teams.csv')}Bad ID,x,qinglan-lvye\n`));
    const news = 'content/news/2024-10-15-news-12.md';
    const verdict = checkSave(broken, [edit(broken, news, (t) => t.replace(/^summary: .*$/m, 'summary: 改过的摘要（示例）。'))]);
    expect(verdict.introduced).toEqual([]);
    expect(verdict.existing.map((p) => p.file)).toContain('data/teams.csv');
  });

  it('puts a Markdown file’s problems beside their field: a frontmatter line’s key, else the body', () => {
    const news = 'content/news/2024-10-15-news-12.md';
    const { introduced } = checkSave(demo, [edit(demo, news, (t) => t.replace(/^summary: .*$/m, 'summary: 电话 13912345678').concat('\n联系人手机 13912345679。\n'))]);
    expect(introduced.map((p) => [p.message, p.editorField])).toEqual([
      ['写有手机号码“139****5678”', 'summary'],
      ['写有手机号码“139****5679”', 'body'],
    ]);
    expect(editorField({ file: news, line: 1, message: '' }, '---\ntitle: x\n---\n')).toBeUndefined();
  });

  it('says, without refusing, that a picture the saved file names is not in the repository yet (it is uploaded with the save)', () => {
    const worker = 'content/workers/zhao-haifeng.md';
    const verdict = checkSave(demo, [edit(demo, worker, (t) => t.replace(/^photo: .*$/m, 'photo: ./photos/zhao-haifeng.webp'))]);
    expect(verdict.introduced).toEqual([]);
    expect(verdict.uploading).toEqual([expect.objectContaining({ file: worker, field: 'photo', message: '照片文件“./photos/zhao-haifeng.webp”不存在' })]);
  });
});
