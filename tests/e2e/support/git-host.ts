import { createHash } from 'node:crypto';

/**
 * A git host answering the REST calls the CMS's check makes (src/cms/host-files.ts) from a set of
 * files by path, as GitHub, GitLab or Gitea/Forgejo answer them: the branch's tree with git blob
 * ids, then each blob. Used by the unit tests (as a fetch) and by Playwright (behind page.route).
 * Every request is logged, so a test can see what was downloaded.
 */
export type HostKind = 'github' | 'gitlab' | 'gitea';

export interface HostAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** A file's git blob id: what every host names a file's content by. */
export const blobId = (bytes: Buffer) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

export class SimulatedHost {
  readonly requests: string[] = [];
  /** The token every request must bear (as the host would check it). */
  token = 'editor-token';
  /** The branch's head commit: a commit through the GraphQL API moves it. */
  head = 'a'.repeat(40);
  /** The commits received (GitHub's createCommitOnBranch): the paths each writes. */
  readonly commits: { message: string; paths: string[] }[] = [];

  readonly kind: HostKind;
  /** The API root as the CMS is configured with it, e.g. http://127.0.0.1:4401/simulated-github/api/v3 */
  readonly api: string;
  readonly repo: string;
  readonly branch: string;
  files: Map<string, Buffer>;

  constructor(kind: HostKind, api: string, repo: string, branch: string, files: Map<string, Buffer>) {
    this.kind = kind;
    this.api = api;
    this.repo = repo;
    this.branch = branch;
    this.files = files;
  }

  private blobs(): Map<string, Buffer> {
    return new Map([...this.files.values()].map((b) => [blobId(b), b]));
  }

  answer(url: string, headers: Record<string, string>): HostAnswer {
    this.requests.push(url);
    const json = (value: unknown, extra: Record<string, string> = {}): HostAnswer => ({ status: 200, headers: { 'content-type': 'application/json', ...extra }, body: JSON.stringify(value) });
    const scheme = this.kind === 'gitlab' ? 'Bearer' : 'token';
    if (headers.authorization !== `${scheme} ${this.token}`) return { status: 401, headers: {}, body: '{"message":"Bad credentials"}' };
    const { pathname, searchParams } = new URL(url);
    const path = decodeURIComponent(pathname.slice(new URL(this.api).pathname.replace(/\/$/, '').length));
    const entries = [...this.files].map(([p, b]) => ({ path: p, type: 'blob', sha: blobId(b), size: b.length }));
    const blob = /\/git\/blobs\/([0-9a-f]{40})$/.exec(path);
    if (this.kind === 'github') {
      const trees = [this.branch, this.head].map((ref) => `/repos/${this.repo}/git/trees/${ref}`);
      if (trees.includes(path) && searchParams.get('recursive') === '1') return json({ sha: 't', tree: entries, truncated: false });
      // What Sveltia CMS asks besides (its GitHub backend): the signed-in user, their access.
      if (path === '/user') return json({ id: 1, login: 'bianji', name: '编辑', html_url: 'https://github.com/bianji' });
      if (path === `/repos/${this.repo}/collaborators/bianji`) return { status: 204, headers: {}, body: '' };
      if (blob && path.startsWith(`/repos/${this.repo}/`)) return this.blobAnswer(blob[1]!, json);
    }
    if (this.kind === 'gitea') {
      if (path === `/repos/${this.repo}/branches/${this.branch}`) return json({ name: this.branch, commit: { id: 'c'.repeat(40) } });
      if (path === `/repos/${this.repo}/git/trees/${'c'.repeat(40)}` && searchParams.get('recursive') === 'true') {
        const per = Number(searchParams.get('per_page') ?? 1000);
        const page = Number(searchParams.get('page') ?? 1);
        return json({ tree: entries.slice((page - 1) * per, page * per), truncated: page * per < entries.length, page, total_count: entries.length });
      }
      if (blob && path.startsWith(`/repos/${this.repo}/`)) return this.blobAnswer(blob[1]!, json);
    }
    if (this.kind === 'gitlab') {
      const project = `/projects/${this.repo}`;
      if (path === `${project}/repository/tree` && searchParams.get('recursive') === 'true' && searchParams.get('ref') === this.branch) {
        // GitLab lists folders too, and pages its answer (at most 100 a page).
        const folders = [...new Set([...this.files.keys()].flatMap((p) => p.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))];
        const all = [...folders.map((p) => ({ id: 'f'.repeat(40), name: p, type: 'tree', path: p, mode: '040000' })), ...entries.map((e) => ({ id: e.sha, name: e.path, type: 'blob', path: e.path, mode: '100644' }))];
        const per = Math.min(Number(searchParams.get('per_page') ?? 20), 100);
        const page = Number(searchParams.get('page') ?? 1);
        return json(all.slice((page - 1) * per, page * per), { 'x-next-page': page * per < all.length ? String(page + 1) : '' });
      }
      const raw = /\/repository\/blobs\/([0-9a-f]{40})\/raw$/.exec(path);
      if (raw && path.startsWith(project)) {
        const bytes = this.blobs().get(raw[1]!);
        return bytes ? { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: bytes } : { status: 404, headers: {}, body: '' };
      }
    }
    return { status: 404, headers: {}, body: '{"message":"Not Found"}' };
  }

  /**
   * The GraphQL queries Sveltia CMS 0.221's GitHub backend sends (services/backends/git/github):
   * the default branch, the last commit, files' text by blob id, each file's last commit, and a
   * commit (createCommitOnBranch), which is applied to the files.
   */
  graphql(query: string, variables: Record<string, unknown>, headers: Record<string, string>): HostAnswer {
    this.requests.push(`graphql ${query.replace(/\s+/g, ' ').slice(0, 80)}`);
    const json = (data: unknown): HostAnswer => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data }) });
    if (headers.authorization !== `token ${this.token}`) return { status: 401, headers: {}, body: '{"message":"Bad credentials"}' };
    if (query.includes('createCommitOnBranch')) {
      const input = variables.input as { fileChanges: { additions?: { path: string; contents: string }[]; deletions?: { path: string }[] }; message: { headline: string } };
      for (const a of input.fileChanges.additions ?? []) this.files.set(a.path, Buffer.from(a.contents, 'base64'));
      for (const d of input.fileChanges.deletions ?? []) this.files.delete(d.path);
      this.commits.push({ message: input.message.headline, paths: (input.fileChanges.additions ?? []).map((a) => a.path) });
      this.head = createHash('sha1').update(`${this.head}${this.commits.length}`).digest('hex');
      return json({ createCommitOnBranch: { commit: { oid: this.head, committedDate: new Date().toISOString() } } });
    }
    if (query.includes('defaultBranchRef')) return json({ repository: { defaultBranchRef: { name: this.branch } } });
    const repository: Record<string, unknown> = {};
    if (query.includes('history(first: 1) {')) repository.ref = { target: { history: { nodes: [{ oid: this.head, message: '示例' }] } } };
    const blobs = this.blobs();
    for (const [, alias, sha] of query.matchAll(/(\w+_\d+): object\(oid: "([0-9a-f]+)"\)/g)) repository[alias!] = { text: blobs.get(sha!)?.toString('utf8') ?? null, isTruncated: false };
    for (const [, alias] of query.matchAll(/(\w+_\d+): ref\(qualifiedName/g)) {
      repository[alias!] = { target: { history: { nodes: [{ oid: this.head, author: { name: '编辑', email: 'bianji@example.org', avatarUrl: '', user: { id: 1, login: 'bianji' } }, committedDate: '2024-10-15T00:00:00Z' }] } } };
    }
    return json({ repository });
  }

  private blobAnswer(sha: string, json: (value: unknown) => HostAnswer): HostAnswer {
    const bytes = this.blobs().get(sha);
    return bytes ? json({ sha, size: bytes.length, encoding: 'base64', content: bytes.toString('base64').replace(/(.{60})/g, '$1\n') }) : { status: 404, headers: {}, body: '' };
  }

  /** The host as a fetch, for tests that run the module outside a browser. */
  fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const a = this.answer(url, Object.fromEntries(new Headers(init?.headers).entries()));
    return new Response(typeof a.body === 'string' ? a.body : new Uint8Array(a.body), { status: a.status, headers: a.headers });
  };
}
