import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryRoot } from '../../../src/input/content-root.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';
import { contentRootFiles } from '../../../src/cms/demo-repo.ts';
import { hostFiles, HostUnreadable, type BlobCache } from '../../../src/cms/host-files.ts';
import { checkSave } from '../../../src/cms/save-check.ts';
import { SimulatedHost, type HostKind } from '../../e2e/support/git-host.ts';

/**
 * On a git host the save check reads the publishing branch through the host's REST API
 * (src/cms/host-files.ts): here against a simulated GitHub, GitLab and Gitea holding the demo's
 * content root, plus a README outside the editors' folders.
 */
const demo = () => new Map([...Object.entries(contentRootFiles('examples/demo')).map(([f, b]) => [f, Buffer.from(b, 'base64')] as const), ['README.md', Buffer.from('# 门户\n')] as const]);
const API = { github: 'https://api.github.test', gitlab: 'https://gitlab.test/api/v4', gitea: 'https://gitea.test/api/v1' };
const simulated = (kind: HostKind) => new SimulatedHost(kind, API[kind], 'jzzgh/portal', 'main', demo());
const hostOf = (h: SimulatedHost, token: string | undefined = h.token) => ({ kind: h.kind, api: h.api, repo: h.repo, branch: h.branch, token });
const text = (bytes: unknown) => new TextDecoder().decode(bytes as Uint8Array);

describe.each(['github', 'gitlab', 'gitea'] as const)('hostFiles on %s', (kind) => {
  it('reads the tables and Markdown whole, knows documents and pictures by their size, and leaves out what is not the editors’', async () => {
    const host = simulated(kind);
    const files = await hostFiles(hostOf(host), new Map(), host.fetch);
    const expected = [...host.files.keys()].filter((f) => f !== 'README.md').sort();
    expect([...files.keys()].sort()).toEqual(expected);
    for (const file of expected) {
      const got = files.get(file)!;
      if (/^data\/|^content\/.*\.mdx?$/.test(file)) expect(text(got)).toBe(host.files.get(file)!.toString('utf8'));
      else expect(got).toEqual({ size: kind === 'gitlab' ? 0 : host.files.get(file)!.length });
    }
    // Nothing but the tree and the files read whole was downloaded.
    expect(host.requests.some((u) => u.includes('/raw') || u.includes('/git/blobs/'))).toBe(true);
    expect(host.requests.filter((u) => /blobs/.test(u))).toHaveLength(expected.filter((f) => /^data\/|^content\/.*\.mdx?$/.test(f)).length);
  });

  it('downloads at the next save only what changed on the branch', async () => {
    const host = simulated(kind);
    const cache: BlobCache = new Map();
    await hostFiles(hostOf(host), cache, host.fetch);
    host.files.set('data/zones.csv', Buffer.from(host.files.get('data/zones.csv')!.toString('utf8').replace('北湖区', '北湖新区')));
    host.requests.length = 0;
    const files = await hostFiles(hostOf(host), cache, host.fetch);
    expect(host.requests.filter((u) => /blobs/.test(u))).toHaveLength(1);
    expect(text(files.get('data/zones.csv'))).toContain('北湖新区');
  });
});

describe('the save check on a host’s branch', () => {
  it('refuses a quota that breaks the campaign’s total, and lets the demo’s good edit through', async () => {
    const host = simulated('github');
    const repo = await hostFiles(hostOf(host), new Map(), host.fetch);
    const zones = host.files.get('data/zones.csv')!.toString('utf8');
    const raised = checkSave(repo, [{ path: 'data/zones.csv', bytes: new TextEncoder().encode(zones.replace('2024,dongcheng,东城区,county,4', '2024,dongcheng,东城区,county,5')) }]);
    expect(raised.introduced.map((p) => p.message)).toEqual(['各赛区名额 12 家加市直参赛企业 3 家，合计 15 家，与确定的 14 家不符']);
    expect(checkSave(repo, [{ path: 'data/zones.csv', bytes: new TextEncoder().encode(zones.replace('北湖区', '北湖新区')) }])).toEqual({ introduced: [], existing: [], uploading: [] });
  });

  it('says in Chinese why it cannot run: no token, a token the host refuses, a host out of reach', async () => {
    const host = simulated('github');
    await expect(hostFiles(hostOf(host, ''), new Map(), host.fetch)).rejects.toThrow(new HostUnreadable('没有找到登录信息，请退出后台再重新登录'));
    await expect(hostFiles(hostOf(host, 'expired'), new Map(), host.fetch)).rejects.toThrow('代码仓库不接受当前的登录');
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(hostFiles(hostOf(host), new Map(), offline)).rejects.toThrow('连不上代码仓库所在的网站（api.github.test），请检查网络');
  });
});

/** Every regular file of the editors' folders under dir, as a repository holds them. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(path.join(dir, folder), { withFileTypes: true })) {
      const file = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) files.set(file, fs.readFileSync(path.join(dir, file)));
    }
  };
  for (const top of ['content', 'data', 'files']) if (fs.existsSync(path.join(dir, top)) && fs.lstatSync(path.join(dir, top)).isDirectory()) walk(top);
  return files;
}

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const roots: [string, string][] = [
  ...fs.readdirSync(FIXTURES).sort().map((name): [string, string] => [name, fixtureRoot(name)]),
  ['examples/demo', 'examples/demo'],
  ['the real site', '.'],
];
/** The one check the host reader leaves to the build: a document's first bytes (it is known by its size). */
const FIRST_BYTES = /^文件的扩展名是 \.\w+，但内容不是 /;

describe('a branch read from the host gives the build’s problems', () => {
  it.each(roots)('%s: the same problems as the disk, but for documents’ first bytes', async (_name, dir) => {
    const files = filesOf(dir);
    const host = new SimulatedHost('github', API.github, 'jzzgh/portal', 'main', files);
    const fromHost = readPortalData(memoryRoot(await hostFiles(hostOf(host), new Map(), host.fetch)));
    const fromDisk = readPortalData(diskRoot(dir)).problems.filter((p) => !FIRST_BYTES.test(p.message));
    expect(fromHost.problems).toEqual(fromDisk);
    expect(fromHost.problems.some((p) => FIRST_BYTES.test(p.message))).toBe(false);
  });
});
