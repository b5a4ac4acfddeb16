import type { CmsSettings } from '../astro/config.ts';

/**
 * The git host a save commits to, as Sveltia CMS's `backend` option, from the PORTAL_CMS_*
 * settings (src/astro/config.ts). GitLab and Gitea/Forgejo sign in with PKCE: the OAuth client id
 * is enough, no secret and no helper service. GitHub has no PKCE for OAuth apps, so it signs in
 * through an OAuth helper at PORTAL_CMS_BASE_URL, or with a personal access token.
 */
export interface CmsBackend {
  name: CmsSettings['backend'];
  repo?: string;
  branch?: string;
  api_root?: string;
  base_url?: string;
  auth_type?: 'pkce';
  app_id?: string;
  commit_messages?: Record<string, string>;
}

/** Commit messages in Chinese, so the repository's history reads like the editors' work. */
const COMMIT_MESSAGES = {
  create: '网站后台：新建 {{collection}}“{{slug}}”',
  update: '网站后台：修改 {{collection}}“{{slug}}”',
  delete: '网站后台：删除 {{collection}}“{{slug}}”',
  uploadMedia: '网站后台：上传文件“{{path}}”',
  deleteMedia: '网站后台：删除文件“{{path}}”',
};

const DEFAULT_HOST = { gitlab: 'https://gitlab.com', gitea: 'https://gitea.com' } as const;

export function cmsBackend(cms: CmsSettings): CmsBackend {
  if (cms.backend === 'test-repo') return { name: 'test-repo' };
  const common = { name: cms.backend, repo: cms.repo!, branch: cms.branch, commit_messages: COMMIT_MESSAGES };
  if (cms.backend === 'github') return { ...common, ...(cms.baseUrl ? { base_url: cms.baseUrl } : {}) };
  const host = cms.baseUrl ?? DEFAULT_HOST[cms.backend];
  return {
    ...common,
    base_url: host,
    api_root: `${host}${cms.backend === 'gitlab' ? '/api/v4' : '/api/v1'}`,
    ...(cms.appId ? { app_id: cms.appId } : {}),
    ...(cms.backend === 'gitlab' && cms.appId ? { auth_type: 'pkce' as const } : {}),
  };
}

/** The origins the admin page talks to besides its own: the host's API (and its token endpoint). */
export function gitHostOrigins(cms: CmsSettings | undefined): string[] {
  if (!cms || cms.backend === 'test-repo') return [];
  const backend = cmsBackend(cms);
  const apis = cms.backend === 'github' ? ['https://api.github.com'] : [backend.api_root!, backend.base_url!];
  return [...new Set(apis.map((a) => new URL(a).origin))];
}
