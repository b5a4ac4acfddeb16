import { expect as baseExpect, test, type Page } from '@playwright/test';
import { contentRootFiles } from '../../../src/cms/demo-repo.ts';
import { SimulatedHost } from '../support/git-host.ts';
import { lineOf, openTable, tableCell as cell } from '../support/cms-table.ts';

/**
 * The whole save on a git host: the demo build's /admin/ configured for the GitHub backend, against
 * a simulated GitHub holding the demo's files (REST and the GraphQL calls Sveltia CMS makes), with
 * an editor signed in (Sveltia's user in localStorage). A save that breaks the quota total is
 * refused with the build's words and no commit reaches the host; a good save is committed.
 */
test.use({ viewport: { width: 1280, height: 1600 } });
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const ROOT = '/simulated-github';
const demoFiles = () => new Map(Object.entries(contentRootFiles('examples/demo')).map(([f, b]) => [f, Buffer.from(b, 'base64')]));

async function onGitHub(page: Page, token = 'editor-token'): Promise<SimulatedHost> {
  await page.goto('/404.html');
  const origin = new URL(page.url()).origin;
  // Sveltia takes an api_root that is not api.github.com for GitHub Enterprise: REST under /api/v3, GraphQL at /graphql.
  const host = new SimulatedHost('github', `${origin}${ROOT}/api/v3`, 'jzzgh/portal', 'main', demoFiles());
  await page.context().route('https://www.githubstatus.com/**', (route) => route.fulfill({ json: { status: { indicator: 'none' } } }));
  await page.route('**/admin/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    const backend = { ...config.backend, name: 'github', repo: host.repo, branch: host.branch, api_root: host.api };
    await route.fulfill({ json: { ...config, backend, portal_live: { kind: 'github', api: host.api, repo: host.repo, branch: host.branch, every: 250 } } });
  });
  await page.context().route(`**${ROOT}/**`, async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    const a = request.url().endsWith(`${ROOT}/graphql`)
      ? host.graphql(...((body) => [body.query, body.variables ?? {}, headers] as const)(request.postDataJSON() as { query: string; variables?: Record<string, unknown> }))
      : host.answer(request.url(), headers);
    await route.fulfill({ status: a.status, headers: a.headers, body: a.body });
  });
  await page.evaluate((t) => localStorage.setItem('sveltia-cms.user', JSON.stringify({ backendName: 'github', token: t, login: 'bianji' })), token);
  await openTable(page, 'zones');
  return host;
}

test('on GitHub a quota that breaks the total is refused with the build’s words and nothing is committed; a good save is committed', async ({ page }) => {
  const host = await onGitHub(page);
  const line = lineOf('zones.csv', '2024,dongcheng,');
  await cell(page, line, '参赛名额').fill('5');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const dialog = page.getByRole('alertdialog').filter({ hasText: '未保存：这次修改会带来' });
  await expect(dialog).toContainText('问题和改法列在窗口下方');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('status').filter({ hasText: '网站会因此无法生成' })).toContainText('合计 15 家，与确定的 14 家不符（改法：请核对赛区名额和市直企业名单）');
  expect(host.commits).toEqual([]);
  // The check read the branch through the REST API: the tree, and the tables and Markdown by blob id.
  expect(host.requests.filter((u) => u.includes('/git/blobs/')).length).toBeGreaterThan(0);

  await cell(page, line, '参赛名额').fill('4');
  await cell(page, lineOf('zones.csv', '2024,beihu,'), '赛区名称').fill('北湖新区');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect.poll(() => host.commits.map((c) => c.paths)).toEqual([['data/zones.csv']]);
  expect(host.files.get('data/zones.csv')!.toString('utf8')).toContain('2024,beihu,北湖新区,county,');
  expect(host.files.get('data/zones.csv')!.toString('utf8')).toContain('2024,dongcheng,东城区,county,4');
});

test('on GitHub a save whose check cannot reach the host is refused, saying why', async ({ page }) => {
  const host = await onGitHub(page);
  await expect(cell(page, lineOf('zones.csv', '2024,beihu,'), '赛区名称')).toBeVisible();
  // The host stops answering the check's reads (its tree), as when the network is down.
  await page.context().route(`**${ROOT}/api/v3/repos/jzzgh/portal/git/trees/**`, (route) => route.abort('internetdisconnected'));
  await cell(page, lineOf('zones.csv', '2024,beihu,'), '赛区名称').fill('北湖新区');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toContainText('未保存：保存前的检查没能运行。连不上代码仓库所在的网站');
  await expect(page.getByRole('status').filter({ hasText: '保存前的检查没能运行' })).toContainText('原因：连不上代码仓库所在的网站');
  expect(host.commits).toEqual([]);
});
