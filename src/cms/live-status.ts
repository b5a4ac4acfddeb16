/**
 * Whether an editor's save is on the published site yet, from what the git host and the site can
 * tell: the commit at the head of the publishing branch (the save's), the host's workflow run for
 * it (GitHub Actions), and the commit the published site was built from (/build.json, written by
 * the build). Plain functions over `fetch`, so the browser runs them and the tests give their own.
 */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface Host {
  kind: 'github' | 'gitlab' | 'gitea';
  /** The API root, e.g. https://api.github.com */
  api: string;
  repo: string;
  branch: string;
  token?: string;
}

export type LiveState =
  | { state: 'live'; commit: string }
  | { state: 'building'; commit: string; run?: string }
  | { state: 'published-soon'; commit: string; run?: string }
  | { state: 'failed'; commit: string; run?: string; reasons: string[] }
  | { state: 'waiting'; commit?: string }
  | { state: 'unknown'; why: string };

const json = async <T>(fetcher: Fetch, url: string, token?: string): Promise<T> => {
  const response = await fetcher(url, { headers: { accept: 'application/vnd.github+json', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
};

/** The commit the published site was built from. */
export async function liveCommit(fetcher: Fetch, site = ''): Promise<string | undefined> {
  try {
    const stamp = await json<{ commit?: string | null }>(fetcher, `${site}/build.json?t=${Date.now()}`);
    return stamp.commit ?? undefined;
  } catch {
    return undefined;
  }
}

interface Run {
  status: string;
  conclusion: string | null;
  html_url: string;
  jobs_url: string;
}

/** The problems the run reported (the validation prints each as an annotation, in Chinese). */
async function reasons(fetcher: Fetch, host: Host, run: Run): Promise<string[]> {
  try {
    const { jobs } = await json<{ jobs: { conclusion: string | null; check_run_url: string }[] }>(fetcher, run.jobs_url, host.token);
    const failed = jobs.filter((j) => j.conclusion === 'failure');
    const notes = await Promise.all(failed.map((j) => json<{ path: string; start_line: number; title?: string; message: string; annotation_level: string }[]>(fetcher, `${j.check_run_url}/annotations`, host.token)));
    return notes.flat().filter((a) => a.annotation_level === 'failure').map((a) => `${a.path} 第 ${a.start_line} 行：${a.message}`);
  } catch {
    return [];
  }
}

/**
 * One look: where the save `commit` (or the branch's head) stands. GitHub tells its runs; other
 * hosts are judged by the published site alone (live, or not yet).
 */
export async function checkLive(fetcher: Fetch, host: Host, site = '', commit?: string): Promise<LiveState> {
  const live = await liveCommit(fetcher, site);
  if (host.kind !== 'github') {
    if (commit && live === commit) return { state: 'live', commit };
    return { state: 'waiting', commit };
  }
  try {
    const head = commit ?? (await json<{ sha: string }>(fetcher, `${host.api}/repos/${host.repo}/commits/${encodeURIComponent(host.branch)}`, host.token)).sha;
    if (live === head) return { state: 'live', commit: head };
    const { workflow_runs: runs } = await json<{ workflow_runs: Run[] }>(fetcher, `${host.api}/repos/${host.repo}/actions/runs?head_sha=${head}&event=push`, host.token);
    if (runs.length === 0) return { state: 'waiting', commit: head };
    const failed = runs.find((r) => r.status === 'completed' && r.conclusion !== 'success' && r.conclusion !== 'skipped');
    if (failed) return { state: 'failed', commit: head, run: failed.html_url, reasons: await reasons(fetcher, host, failed) };
    const running = runs.find((r) => r.status !== 'completed');
    if (running) return { state: 'building', commit: head, run: running.html_url };
    return { state: 'published-soon', commit: head, run: runs[0]!.html_url };
  } catch (error) {
    return { state: 'unknown', why: (error as Error).message };
  }
}

/** What the editor reads, in Chinese. */
export function describe(state: LiveState, host?: Host['kind']): { title: string; lines: string[]; tone: 'info' | 'ok' | 'error' } {
  switch (state.state) {
    case 'live':
      return { title: '网站已更新：这次保存的内容已经在网站上了。', lines: [], tone: 'ok' };
    case 'building':
      return { title: '网站正在重新生成……', lines: ['通常几分钟；生成并发布后这里会告诉你。'], tone: 'info' };
    case 'published-soon':
      return { title: '网站已生成，正在发布……', lines: ['稍等片刻，发布后这里会告诉你。'], tone: 'info' };
    case 'failed':
      return {
        title: '网站生成失败：这次保存没有上网站，网站还是原来的样子。',
        lines: [...state.reasons.slice(0, 5), state.reasons.length ? '按上面说的改正后再保存一次。' : '打开下面的运行记录，看“Annotations（注释）”里写的问题，改正后再保存一次。'],
        tone: 'error',
      };
    case 'waiting':
      return {
        title: '已提交，等待网站重新生成……',
        lines: [host === 'github' ? '生成还没有开始。' : '这个平台的生成进度请在仓库的“流水线/Actions”页面查看；网站更新后这里会告诉你。'],
        tone: 'info',
      };
    default:
      return { title: '暂时查不到网站的生成情况。', lines: [`（${state.why}）请稍后在仓库的提交列表里看这次提交旁边是绿色对勾还是红色叉号。`], tone: 'info' };
  }
}
