import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../tools/build-site.ts';
import { contentCacheDir } from '../../src/astro/config.ts';

/**
 * The demo built on a pinned day inside its 2024 campaign (PORTAL_NOW), where the e2e builds, made
 * with today's date, only ever see the year over: the report deadline open, the year's steps
 * marked only where the data gives their time, and no word about the year being over.
 */
const NOW = '2024-03-15';
let work = '';
let dist = '';

const page = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
/** The text of the element a data-testid names, tags taken out. */
function testId(html: string, id: string): string {
  const start = html.indexOf(`data-testid="${id}"`);
  if (start < 0) return '';
  const tag = html.lastIndexOf('<', start);
  const name = html.slice(tag + 1).match(/^\w+/)![0];
  const end = html.indexOf(`</${name}>`, start);
  return html.slice(start, end).replace(/^[^>]*>/, '').replace(/<[^>]+>/g, '');
}

let root = '';

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-schedule-'));
  dist = path.join(work, 'dist');
  // A copy of the demo, so this build has a content cache of its own while demo.test.ts builds the demo.
  root = path.join(work, 'site');
  fs.cpSync('examples/demo', root, { recursive: true });
  const { status, output } = buildSite(dist, { PORTAL_CONTENT: root, PORTAL_DEMO: '1', PORTAL_NOW: NOW }, process.cwd(), { partPages: 20 });
  if (status !== 0) throw new Error(output);
}, 300_000);

afterAll(() => {
  if (root) fs.rmSync(path.resolve(contentCacheDir(root)!), { recursive: true, force: true });
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe(`the demo during its 2024 campaign (PORTAL_NOW=${NOW})`, () => {
  it('home: the report deadline 进行中, 年初 and 年底 unmarked, no “year over” box', () => {
    const home = page('index.html');
    expect(testId(home, 'report-deadline')).toContain('2024年4月底前进行中');
    const timeline = testId(home, 'timeline');
    expect(timeline).toContain('年初各参赛企业');
    expect(timeline).toContain('2024年4月底前进行中');
    expect(timeline).not.toMatch(/已截止|即将开始/);
    expect(home).toContain('各事项的状态按北京时间2024年3月15日标注');
    expect(home).not.toContain('data-testid="year-over"');
  });

  it('participate: the deadline open, with its last day', () => {
    expect(testId(page('participate/index.html'), 'deadline-status')).toContain('进行中 截止日为2024年4月30日（按北京时间2024年3月15日计）');
  });

  it('enterprises: a zone’s missing list is still to come, and its deadline open', () => {
    expect(testId(page('enterprises/index.html'), 'zone-pending')).toContain('名额1家，参赛企业名单待上报。按竞赛通知，名单应于2024年4月底前报示例市总工会生产保护部（报送进行中），收到后在此公布。');
  });

  it('results: not yet published, without saying the year is over', () => {
    const soon = testId(page('results/index.html'), 'coming-soon');
    expect(soon).toContain('拟表彰对象先在这里公示');
    expect(soon).not.toContain('已经结束');
  });

  it('the 2024 公示, months ahead, is in no output: no page, no download (so no search record either)', () => {
    const everything = fs
      .readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(html|csv|json|xml)$/.test(f))
      .map((f) => fs.readFileSync(path.join(dist, f), 'utf8'));
    expect(everything.some((text) => text.includes('publicity-2024-award') || text.includes('2024年评选表彰对象公示') || text.includes('mingshan-dianli,2024-award'))).toBe(false);
    expect(page('data/awards.csv')).not.toMatch(/^2024,/m);
  });
});
