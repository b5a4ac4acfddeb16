import type { APIRoute } from 'astro';

/**
 * The build stamp: the commit the published site was built from, which /admin/ compares with the
 * commit of an editor's save to say when it is live (src/cms/browser/live-status.ts). From the CI
 * (GitHub and Gitea/Forgejo Actions set GITHUB_SHA, GitLab CI_COMMIT_SHA), else null: a build on an
 * editor's or developer's machine stamps no commit. Nothing else (no time, not the checkout's own
 * commit, which a copy of the tree elsewhere lacks), so two builds of one commit stay identical.
 */
function commit(): string | null {
  return process.env.GITHUB_SHA ?? process.env.CI_COMMIT_SHA ?? null;
}

export const GET: APIRoute = () => new Response(`${JSON.stringify({ commit: commit() })}\n`, { headers: { 'content-type': 'application/json' } });
