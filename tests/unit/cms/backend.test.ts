import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/astro/config.ts';
import { cmsBackend, gitHostOrigins } from '../../../src/cms/backend.ts';

/** The git host /admin/ saves to, from the PORTAL_CMS_* settings. */
const cms = (env: Record<string, string>) => parseConfig(env).cms!;

describe('PORTAL_CMS_* settings', () => {
  it('are optional: without them there is no CMS configuration', () => {
    expect(parseConfig({}).cms).toBeUndefined();
  });

  it('name a host and its repository; the branch defaults to main', () => {
    expect(cms({ PORTAL_CMS_BACKEND: 'gitea', PORTAL_CMS_REPO: 'jzzgh/portal', PORTAL_CMS_BASE_URL: 'https://git.example.org/', PORTAL_CMS_APP_ID: 'abc' })).toEqual({
      backend: 'gitea',
      repo: 'jzzgh/portal',
      branch: 'main',
      baseUrl: 'https://git.example.org',
      appId: 'abc',
    });
  });

  it('report every wrong value at once, in Chinese', () => {
    try {
      parseConfig({ PORTAL_CMS_BACKEND: 'gitee', PORTAL_CMS_BASE_URL: 'git.example.org' });
      throw new Error('no ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['PORTAL_CMS_BACKEND', 'PORTAL_CMS_BASE_URL', 'PORTAL_CMS_REPO']);
      expect((error as ConfigError).message).toContain('PORTAL_CMS_BACKEND 只能是 github、gitlab、gitea、test-repo 之一，实际为“gitee”');
    }
    expect(() => parseConfig({ PORTAL_CMS_BACKEND: 'github' })).toThrow(/PORTAL_CMS_BACKEND=github 时必须设置 PORTAL_CMS_REPO/);
  });
});

describe('the backend option', () => {
  it('GitLab and Gitea/Forgejo: a self-hosted host, its API, PKCE with the client id', () => {
    const gitlab = cmsBackend(cms({ PORTAL_CMS_BACKEND: 'gitlab', PORTAL_CMS_REPO: 'g/p', PORTAL_CMS_BASE_URL: 'https://gitlab.example.org', PORTAL_CMS_APP_ID: 'id' }));
    expect(gitlab).toMatchObject({ name: 'gitlab', repo: 'g/p', branch: 'main', base_url: 'https://gitlab.example.org', api_root: 'https://gitlab.example.org/api/v4', auth_type: 'pkce', app_id: 'id' });
    const gitea = cmsBackend(cms({ PORTAL_CMS_BACKEND: 'gitea', PORTAL_CMS_REPO: 'o/r', PORTAL_CMS_BASE_URL: 'https://git.example.org', PORTAL_CMS_APP_ID: 'id' }));
    expect(gitea).toMatchObject({ name: 'gitea', api_root: 'https://git.example.org/api/v1', app_id: 'id' });
    expect(cmsBackend(cms({ PORTAL_CMS_BACKEND: 'gitea', PORTAL_CMS_REPO: 'o/r' })).api_root).toBe('https://gitea.com/api/v1');
  });

  it('GitHub: the OAuth helper as base_url; test-repo: nothing else', () => {
    expect(cmsBackend(cms({ PORTAL_CMS_BACKEND: 'github', PORTAL_CMS_REPO: 'o/r', PORTAL_CMS_BASE_URL: 'https://auth.example.org' }))).toMatchObject({ name: 'github', repo: 'o/r', base_url: 'https://auth.example.org' });
    expect(cmsBackend(cms({ PORTAL_CMS_BACKEND: 'test-repo' }))).toEqual({ name: 'test-repo' });
  });

  it('the CSP of /admin/ may connect to the host’s API and nothing else', () => {
    expect(gitHostOrigins(undefined)).toEqual([]);
    expect(gitHostOrigins(cms({ PORTAL_CMS_BACKEND: 'test-repo' }))).toEqual([]);
    expect(gitHostOrigins(cms({ PORTAL_CMS_BACKEND: 'github', PORTAL_CMS_REPO: 'o/r' }))).toEqual(['https://api.github.com']);
    expect(gitHostOrigins(cms({ PORTAL_CMS_BACKEND: 'gitea', PORTAL_CMS_REPO: 'o/r', PORTAL_CMS_BASE_URL: 'https://git.example.org:3000' }))).toEqual(['https://git.example.org:3000']);
  });
});
