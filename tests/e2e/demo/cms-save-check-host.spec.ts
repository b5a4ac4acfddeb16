import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { contentRootFiles } from '../../../src/cms/demo-repo.ts';
import type { CheckReply, CheckRequest } from '../../../src/cms/browser/check-worker.ts';
import { SimulatedHost } from '../support/git-host.ts';

/**
 * On a git host the check before a save reads the publishing branch itself, with the editor's
 * token (src/cms/host-files.ts, run in the check's worker): here the demo build's own worker, in
 * the browser, against a simulated GitHub holding the demo's files.
 */
const API = '/simulated-github';
const demoFiles = () => new Map(Object.entries(contentRootFiles('examples/demo')).map(([f, b]) => [f, Buffer.from(b, 'base64')]));
/** The worker as the demo build bundled it (a name with a hash), beside the admin page's code (src/astro/integrations/cms-app-prebuilt.ts). */
const workerUrl = () => `/_astro/cms/app/${fs.readdirSync('dist-demo/_astro/cms/app').find((f) => /^check-worker-.*\.js$/.test(f))}`;

async function simulate(page: Page): Promise<SimulatedHost> {
  await page.goto('/admin/');
  const host = new SimulatedHost('github', new URL(API, page.url()).href, 'jzzgh/portal', 'main', demoFiles());
  await page.context().route(`**${API}/**`, async (route) => {
    const a = host.answer(route.request().url(), await route.request().allHeaders());
    await route.fulfill({ status: a.status, headers: a.headers, body: a.body });
  });
  return host;
}

/** Starts the check's worker in the page and asks it, as check-save.ts does. */
async function ask(page: Page, requests: CheckRequest[]): Promise<CheckReply[]> {
  return page.evaluate(
    async ({ url, requests }) => {
      const worker = new Worker(url, { type: 'module' });
      const replies: CheckReply[] = [];
      for (const request of requests) {
        replies.push(
          await new Promise<CheckReply>((resolve, reject) => {
            worker.onmessage = (event) => resolve(event.data);
            worker.onerror = (event) => reject(new Error(event.message));
            worker.postMessage(request);
          }),
        );
      }
      worker.terminate();
      return replies;
    },
    { url: workerUrl(), requests },
  );
}

test('the worker refuses a quota that breaks the total, lets a good save through, and downloads only what changed at the next save', async ({ page }) => {
  const host = await simulate(page);
  const gh = { kind: 'github' as const, api: host.api, repo: host.repo, branch: host.branch, token: host.token };
  const zones = host.files.get('data/zones.csv')!.toString('utf8');
  const [raised, good] = await ask(page, [
    { path: 'data/zones.csv', text: zones.replace('2024,dongcheng,东城区,county,4', '2024,dongcheng,东城区,county,5'), host: gh },
    { path: 'data/zones.csv', text: zones.replace('北湖区', '北湖新区'), host: gh },
  ]);
  expect(raised).toMatchObject({ verdict: { introduced: [{ file: 'data/campaigns.csv', message: '各赛区名额 12 家加市直参赛企业 3 家，合计 15 家，与确定的 14 家不符' }] } });
  expect(good).toEqual({ verdict: { introduced: [], existing: [], uploading: [] } });
  const blobs = (from: number) => host.requests.slice(from).filter((u) => u.includes('/git/blobs/')).length;
  const read = [...host.files.keys()].filter((f) => /^data\/|^content\/.*\.mdx?$/.test(f)).length;
  // The first check downloads every table and Markdown file; the second, with the same worker, none.
  expect(host.requests.filter((u) => u.includes('/git/trees/'))).toHaveLength(2);
  expect(blobs(0)).toBe(read);
});

test('the worker says why it cannot check: no token, a token the host refuses, a host out of reach', async ({ page }) => {
  const host = await simulate(page);
  const gh = { kind: 'github' as const, api: host.api, repo: host.repo, branch: host.branch };
  const text = host.files.get('data/zones.csv')!.toString('utf8');
  const replies = await ask(page, [
    { path: 'data/zones.csv', text, host: gh },
    { path: 'data/zones.csv', text, host: { ...gh, token: 'expired' } },
    { path: 'data/zones.csv', text, host: { ...gh, token: host.token, api: 'http://127.0.0.1:9/api' } },
  ]);
  expect(replies.map((r) => ('reason' in r ? r.reason : r))).toEqual([
    '没有找到登录信息，请退出后台再重新登录',
    '代码仓库不接受当前的登录（可能已过期），请退出后台再重新登录',
    '连不上代码仓库所在的网站（127.0.0.1:9），请检查网络',
  ]);
});
