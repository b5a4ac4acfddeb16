import { spawnSync } from 'node:child_process';
import type { APIRoute } from 'astro';
import { config } from '../astro/config.ts';

/**
 * The build stamp: the commit the published site was built from, which /admin/ compares with the
 * commit of an editor's save to say when it is live (src/cms/browser/live-status.ts). From the CI
 * (GitHub and Gitea/Forgejo Actions set GITHUB_SHA, GitLab CI_COMMIT_SHA), else the content root's
 * git checkout, else null. Nothing else (no time), so two builds of one commit stay identical.
 */
function commit(): string | null {
  const fromCi = process.env.GITHUB_SHA ?? process.env.CI_COMMIT_SHA;
  if (fromCi) return fromCi;
  const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: config().contentRoot, encoding: 'utf8' });
  return git.status === 0 ? git.stdout.trim() : null;
}

export const GET: APIRoute = () => new Response(`${JSON.stringify({ commit: commit() })}\n`, { headers: { 'content-type': 'application/json' } });
