import type { MemoryFile } from '../input/content-root.ts';
import type { Host } from './live-status.ts';
import type { Repo } from './save-check.ts';

/**
 * The repository a save on a git host is checked against (save-check.ts): the publishing branch as
 * it is now, read through the host's documented REST API with the token the editor signed in with.
 * The tree gives every path with its blob id (and, on GitHub and Gitea, its size); the files the
 * checks read (Markdown and MDX under content/, everything under data/) are downloaded, the rest
 * (documents, pictures) are known by their size only: a save never changes them, and only the
 * build reads inside them. Sveltia fetches the same files for itself, but through GraphQL and an
 * undocumented cache; this keeps to the hosts' public API.
 */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

interface TreeEntry {
  path: string;
  sha: string;
  /** Unknown on GitLab, whose tree gives none: a document there counts as empty, and its size limit is left to the build. */
  size?: number;
}

/** Why the check could not read the repository: said to the editor, in Chinese. */
export class HostUnreadable extends Error {}

/** What the checks read whole. */
const READ_WHOLE = (path: string) => path.startsWith('data/') || (path.startsWith('content/') && /\.mdx?$/i.test(path));
const EDITORS_FOLDERS = /^(content|data|files)\//;

/** A blob by its id never changes: kept for the page's session, so a second save downloads only what changed. */
export type BlobCache = Map<string, Uint8Array>;

function authHeader(host: Host): Record<string, string> {
  if (!host.token) return {};
  // As Sveltia itself sends it: GitLab's OAuth tokens are Bearer tokens, GitHub and Gitea take "token".
  return { authorization: `${host.kind === 'gitlab' ? 'Bearer' : 'token'} ${host.token}` };
}

async function ask(fetcher: Fetch, host: Host, url: string, accept = 'application/json'): Promise<Response> {
  let response: Response;
  try {
    response = await fetcher(url, { headers: { accept, ...authHeader(host) } });
  } catch {
    throw new HostUnreadable(`连不上代码仓库所在的网站（${new URL(url).host}），请检查网络`);
  }
  if (response.status === 401 || response.status === 403) throw new HostUnreadable('代码仓库不接受当前的登录（可能已过期），请退出后台再重新登录');
  if (!response.ok) throw new HostUnreadable(`代码仓库所在的网站答复出错（${response.status}），请稍后再试`);
  return response;
}

const json = async <T>(fetcher: Fetch, host: Host, url: string) => (await (await ask(fetcher, host, url)).json()) as T;
const project = (host: Host) => `${host.api}/projects/${encodeURIComponent(host.repo)}`;

/** Every file of the branch with its blob id, by the host's tree API. */
async function tree(fetcher: Fetch, host: Host): Promise<TreeEntry[]> {
  const branch = encodeURIComponent(host.branch);
  if (host.kind === 'github') {
    const body = await json<{ tree: { path: string; type: string; sha: string; size?: number }[]; truncated: boolean }>(fetcher, host, `${host.api}/repos/${host.repo}/git/trees/${branch}?recursive=1`);
    // GitHub gives at most 100 000 entries at once; a truncated tree would be checked incomplete.
    if (body.truncated) throw new HostUnreadable('仓库的文件太多，代码仓库所在的网站一次给不全，保存前的检查无法读完');
    return body.tree.filter((e) => e.type === 'blob').map(({ path, sha, size }) => ({ path, sha, size }));
  }
  const out: TreeEntry[] = [];
  if (host.kind === 'gitlab') {
    // GitLab pages its tree: X-Next-Page is empty on the last page.
    for (let page = '1'; page; ) {
      const response = await ask(fetcher, host, `${project(host)}/repository/tree?ref=${branch}&recursive=true&per_page=100&page=${page}`);
      for (const e of (await response.json()) as { path: string; type: string; id: string }[]) if (e.type === 'blob') out.push({ path: e.path, sha: e.id });
      page = response.headers.get('x-next-page') ?? '';
    }
    return out;
  }
  // Gitea and Forgejo: the tree of the branch's head commit, page by page.
  const head = await json<{ commit: { id: string } }>(fetcher, host, `${host.api}/repos/${host.repo}/branches/${branch}`);
  for (let page = 1; ; page++) {
    const body = await json<{ tree: { path: string; type: string; sha: string; size: number }[]; truncated: boolean }>(fetcher, host, `${host.api}/repos/${host.repo}/git/trees/${head.commit.id}?recursive=true&per_page=1000&page=${page}`);
    for (const e of body.tree ?? []) if (e.type === 'blob') out.push({ path: e.path, sha: e.sha, size: e.size });
    if (!body.truncated || (body.tree ?? []).length === 0) return out;
  }
}

const fromBase64 = (text: string) => Uint8Array.from(atob(text.replace(/\s/g, '')), (c) => c.charCodeAt(0));

/** One file's bytes by its blob id. */
async function blob(fetcher: Fetch, host: Host, sha: string): Promise<Uint8Array> {
  if (host.kind === 'gitlab') return new Uint8Array(await (await ask(fetcher, host, `${project(host)}/repository/blobs/${sha}/raw`)).arrayBuffer());
  const body = await json<{ content: string; encoding: string }>(fetcher, host, `${host.api}/repos/${host.repo}/git/blobs/${sha}`);
  return body.encoding === 'base64' ? fromBase64(body.content) : new TextEncoder().encode(body.content);
}

/** At most this many downloads at once: enough to be quick, few enough not to hit a host's abuse limits. */
const PARALLEL = 6;

/** The editors' folders of the branch as it is now: what the checks read, by path. */
export async function hostFiles(host: Host, cache: BlobCache, fetcher: Fetch = fetch): Promise<Repo> {
  if (!host.token) throw new HostUnreadable('没有找到登录信息，请退出后台再重新登录');
  const entries = (await tree(fetcher, host)).filter((e) => EDITORS_FOLDERS.test(e.path));
  const missing = entries.filter((e) => READ_WHOLE(e.path) && !cache.has(e.sha));
  for (let i = 0; i < missing.length; i += PARALLEL) {
    await Promise.all(missing.slice(i, i + PARALLEL).map(async (e) => cache.set(e.sha, await blob(fetcher, host, e.sha))));
  }
  const files = new Map<string, MemoryFile>();
  for (const e of entries) files.set(e.path, READ_WHOLE(e.path) ? cache.get(e.sha)! : { size: e.size ?? 0 });
  return files;
}
