import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { writeTree } from '../../support/tree.ts';

/** The build's last step refuses a built site through which a personal number got out. */
const site = (pages: Record<string, string>) => writeTree(pages, 'portal-output-');

const check = (dir: string) => spawnSync(process.execPath, ['tools/check-output.ts', dir], { encoding: 'utf8' });

describe('the publication check', () => {
  it('passes a site that names no personal number', () => {
    const run = check(site({ 'index.html': '<p>焦工文〔2019〕27号，联系电话 0391-3567890</p>' }));
    expect(run.status, run.stderr).toBe(0);
  });

  it('refuses a page or data file carrying one, naming the file and masking the number', () => {
    const run = check(site({ 'index.html': '<p>首页</p>', 'workers/a/index.html': '<p>电话 &#49;38 0013 8000</p>', 'data/teams.json': '[{"name":"班组１３９００１３９０００"}]' }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('workers/a/index.html：写有手机号码“138****8000”');
    expect(run.stderr).toContain('data/teams.json：写有手机号码“139****9000”');
    expect(run.stderr).toContain('网站未发布');
  });
});
