import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isRealDate } from '../input/schema/day.ts';

/**
 * The build's settings, all from the environment, read and checked here and nowhere else:
 *
 *   PORTAL_CONTENT=examples/demo           the content root (content/, data/, files/); default the project
 *   PORTAL_DEMO=1                          the fictional demonstration campaign: every page says 示例
 *   PORTAL_SITE=https://jzsbljj.example.org the public address (canonical links, feed, sitemap)
 *   PORTAL_NOW=2024-06-02                  the Beijing date taken as today (reproducible builds, tests);
 *                                          2024-12-06T18:00 pins the hour too (the 公示 go by the hour)
 *   PORTAL_ICP="豫ICP备12345678号-1"         ICP 备案号, linked to the MIIT filing register
 *   PORTAL_PUBLIC_SECURITY="豫公网安备41080202000123号" 公安机关备案号, linked to its record
 *   PORTAL_CMS_BACKEND=gitea               the git host /admin/ saves to: github, gitlab, gitea (also Forgejo)
 *                                          or test-repo (the browser's own storage: the demo's
 *                                          default, so anyone can try /admin/ without an account)
 *   PORTAL_CMS_REPO=jzzgh/portal           its repository, owner/name
 *   PORTAL_CMS_BRANCH=main                 the branch a save commits to (the one that is published)
 *   PORTAL_CMS_BASE_URL=https://git.example.org  GitLab, Gitea: the host (self-hosted); GitHub: the OAuth helper
 *   PORTAL_CMS_APP_ID=…                    GitLab, Gitea: the OAuth application's client id (PKCE, no secret)
 *
 * Unset and blank mean the same. Without filing numbers the footer shows neither (a local or
 * test build has none). Plain Node, no Astro import: scripts and astro.config.mjs read it too.
 */
export interface Filing {
  text: string;
  href: string;
}

/** The footer's filing numbers. */
export interface SiteConfig {
  icp?: Filing;
  publicSecurity?: Filing;
}

export const CMS_BACKENDS = ['github', 'gitlab', 'gitea', 'test-repo'] as const;
export type CmsBackendName = (typeof CMS_BACKENDS)[number];

/** Where /admin/ saves: unset, the page explains what to set. */
export interface CmsSettings {
  backend: CmsBackendName;
  repo?: string;
  branch: string;
  baseUrl?: string;
  appId?: string;
}

export interface Config extends SiteConfig {
  /** The CMS at /admin/, when configured. */
  cms?: CmsSettings;
  /** Absolute path of the content root. */
  contentRoot: string;
  site: string;
  /**
   * Whether PORTAL_SITE was set. Without it `site` is a placeholder address: links inside the site
   * still work, but no QR code is drawn for it (a printed or scanned wrong address would mislead).
   */
  siteGiven: boolean;
  /** YYYY-MM-DD in Beijing, when today is pinned. */
  now?: string;
  demo: boolean;
}

export const DEFAULT_SITE = 'https://jzsbljj.example.org';
export const ICP_REGISTER = 'https://beian.miit.gov.cn/';
export const PUBLIC_SECURITY_REGISTER = 'https://beian.mps.gov.cn/#/query/webSearch';

type Env = Record<string, string | undefined>;

/** How to fix each variable, shown under its message. */
const HINTS: Record<string, string> = {
  PORTAL_CONTENT: '写内容目录的路径（相对于项目目录，或绝对路径），例如 PORTAL_CONTENT=examples/demo；不设则用项目目录本身',
  PORTAL_SITE: `写网站对外的完整地址，例如 PORTAL_SITE=${DEFAULT_SITE}；不设则用这个地址`,
  PORTAL_NOW: '写北京时间的日期，例如 PORTAL_NOW=2024-06-02，或到小时，例如 PORTAL_NOW=2024-12-06T18:00；不设则按现在',
  PORTAL_ICP: '照备案信息填写，例如 PORTAL_ICP=豫ICP备12345678号-1；没有备案号就不设，页脚不显示',
  PORTAL_PUBLIC_SECURITY: '照备案信息填写，例如 PORTAL_PUBLIC_SECURITY=豫公网安备41080202000123号；没有就不设，页脚不显示',
  PORTAL_DEMO: '示例站点写 PORTAL_DEMO=1，正式站点写 PORTAL_DEMO=0 或不设',
  PORTAL_CMS_BACKEND: `写 ${CMS_BACKENDS.join('、')} 之一（Forgejo 写 gitea）；不设则 /admin/ 只显示设置说明`,
  PORTAL_CMS_REPO: '写“所有者/仓库名”，例如 PORTAL_CMS_REPO=jzzgh/portal',
  PORTAL_CMS_BRANCH: '写发布网站的分支名，例如 PORTAL_CMS_BRANCH=main；不设则用 main',
  PORTAL_CMS_BASE_URL: '写以 https:// 开头的地址：GitLab、Gitea 写服务器地址，GitHub 写 OAuth 登录服务的地址',
  PORTAL_CMS_APP_ID: '写在代码托管平台登记的 OAuth 应用的 Client ID（应用编号）',
};

const DEMO_VALUES: Record<string, boolean> = { '1': true, true: true, '0': false, false: false };

/** Unset and blank are the same: `PORTAL_ICP= npm run build` shows no number. */
const optional = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

const isDirectory = (dir: string) => fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() === true;
const isWebAddress = (v: string) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol);

const ENV = z.object({
  PORTAL_CONTENT: optional
    .refine((v) => v === undefined || isDirectory(path.resolve(v)), {
      error: (iss) => `PORTAL_CONTENT 应为内容目录（其中有 content/ 和 data/），文件夹“${iss.input}”不存在`,
    })
    // npm and Astro run in the project folder: relative roots are taken from there.
    .transform((v) => path.resolve(v ?? '.')),
  PORTAL_SITE: optional.refine((v) => v === undefined || isWebAddress(v), {
    error: (iss) => `PORTAL_SITE 应为以 http:// 或 https:// 开头的网址，实际为“${iss.input}”`,
  }),
  PORTAL_NOW: optional
    .refine((v) => v === undefined || /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d)?$/.test(v), {
      error: (iss) => `PORTAL_NOW 应写成“年-月-日”或“年-月-日T时:分”（北京时间），实际为“${iss.input}”`,
      abort: true,
    })
    .refine((v) => v === undefined || isRealDate(v.slice(0, 10)), { error: (iss) => `PORTAL_NOW 写的这一天不存在：“${iss.input}”` }),
  PORTAL_ICP: optional.transform((icp, ctx): Filing | undefined => {
    if (!icp) return undefined;
    if (!/ICP[备证]/.test(icp)) {
      ctx.issues.push({ code: 'custom', input: icp, message: `PORTAL_ICP 应为 ICP 备案号，例如“豫ICP备12345678号-1”，实际为“${icp}”` });
      return z.NEVER;
    }
    return { text: icp, href: ICP_REGISTER };
  }),
  PORTAL_PUBLIC_SECURITY: optional.transform((psb, ctx): Filing | undefined => {
    if (!psb) return undefined;
    const code = psb.match(/\d{10,}/)?.[0];
    if (!psb.includes('公网安备') || !code) {
      ctx.issues.push({
        code: 'custom',
        input: psb,
        message: `PORTAL_PUBLIC_SECURITY 应为公安机关备案号，例如“豫公网安备41080202000123号”，实际为“${psb}”`,
      });
      return z.NEVER;
    }
    return { text: psb, href: `${PUBLIC_SECURITY_REGISTER}?code=${code}` };
  }),
  // Explicit, not guessed from the content path: a copy of the demo elsewhere is still the demo.
  PORTAL_DEMO: optional
    .refine((v) => v === undefined || v in DEMO_VALUES, {
      error: (iss) => `PORTAL_DEMO 只能是 1、true、0 或 false，实际为“${iss.input}”`,
    })
    .transform((v) => (v === undefined ? false : DEMO_VALUES[v]!)),
  PORTAL_CMS_BACKEND: optional.refine((v) => v === undefined || (CMS_BACKENDS as readonly string[]).includes(v), {
    error: (iss) => `PORTAL_CMS_BACKEND 只能是 ${CMS_BACKENDS.join('、')} 之一，实际为“${iss.input}”`,
  }),
  PORTAL_CMS_REPO: optional.refine((v) => v === undefined || /^[\w.-]+(\/[\w.-]+)+$/.test(v), {
    error: (iss) => `PORTAL_CMS_REPO 应写成“所有者/仓库名”，实际为“${iss.input}”`,
  }),
  PORTAL_CMS_BRANCH: optional.transform((v) => v ?? 'main'),
  PORTAL_CMS_BASE_URL: optional.refine((v) => v === undefined || isWebAddress(v), {
    error: (iss) => `PORTAL_CMS_BASE_URL 应为以 http:// 或 https:// 开头的网址，实际为“${iss.input}”`,
  }),
  PORTAL_CMS_APP_ID: optional,
}).superRefine((e, ctx) => {
  // A git host needs its repository; the browser's own storage needs nothing.
  if (e.PORTAL_CMS_BACKEND && e.PORTAL_CMS_BACKEND !== 'test-repo' && !e.PORTAL_CMS_REPO) {
    ctx.addIssue({ code: 'custom', path: ['PORTAL_CMS_REPO'], message: `PORTAL_CMS_BACKEND=${e.PORTAL_CMS_BACKEND} 时必须设置 PORTAL_CMS_REPO` });
  }
});

export interface ConfigProblem {
  variable: string;
  message: string;
  hint: string;
}

/** Thrown when any variable is wrong, listing them all. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  constructor(problems: readonly ConfigProblem[]) {
    const lines = problems.flatMap((p, i) => [`  ${i + 1}. ${p.message}`, `     改法：${p.hint}`]);
    super([`环境变量有 ${problems.length} 处设置不对：`, ...lines].join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
    // The mistake is in how the command was run, not in our code: no stack trace under the list.
    this.stack = undefined;
  }
}

/** The settings in env, or a ConfigError listing every wrong variable. */
export function parseConfig(env: Env): Config {
  const result = ENV.safeParse(env);
  if (!result.success) {
    // One entry per variable, its first message: the rest follow from it.
    const problems = new Map<string, ConfigProblem>();
    for (const issue of result.error.issues) {
      const variable = String(issue.path[0]);
      if (!problems.has(variable)) problems.set(variable, { variable, message: issue.message, hint: HINTS[variable] ?? '' });
    }
    throw new ConfigError([...problems.values()]);
  }
  const e = result.data;
  const settings: Config = { contentRoot: e.PORTAL_CONTENT, site: e.PORTAL_SITE ?? DEFAULT_SITE, siteGiven: e.PORTAL_SITE !== undefined, demo: e.PORTAL_DEMO };
  if (e.PORTAL_NOW) settings.now = e.PORTAL_NOW;
  if (e.PORTAL_ICP) settings.icp = e.PORTAL_ICP;
  if (e.PORTAL_PUBLIC_SECURITY) settings.publicSecurity = e.PORTAL_PUBLIC_SECURITY;
  const backend = (e.PORTAL_CMS_BACKEND ?? (e.PORTAL_DEMO ? 'test-repo' : undefined)) as CmsBackendName | undefined;
  if (backend) {
    settings.cms = { backend, branch: e.PORTAL_CMS_BRANCH };
    if (e.PORTAL_CMS_REPO) settings.cms.repo = e.PORTAL_CMS_REPO;
    if (e.PORTAL_CMS_BASE_URL) settings.cms.baseUrl = e.PORTAL_CMS_BASE_URL.replace(/\/+$/, '');
    if (e.PORTAL_CMS_APP_ID) settings.cms.appId = e.PORTAL_CMS_APP_ID;
  }
  return settings;
}

let cached: Config | undefined;

/** This process's settings, read from its environment the first time they are asked for. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * For command-line scripts: the settings, or the list of wrong variables and exit code 2, without
 * Node's report of an uncaught error around it. Called first, it also covers later config() calls.
 */
export function scriptConfig(): Config {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

/**
 * Another content root (the demo, a test fixture) gets its own content cache, so builds of
 * different roots never reuse each other's collections; the project's own root keeps Astro's.
 */
export function contentCacheDir(root: string, project = process.cwd()): string | undefined {
  const relative = path.relative(project, root);
  return relative === '' ? undefined : `./node_modules/.astro/roots/${relative.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/**
 * Where the build keeps its own caches between runs (the search records, the checks' answers):
 * beside Astro's cache of the same content root, which CI keeps between builds.
 */
export function buildCacheDir(root: string, project = process.cwd()): string {
  return contentCacheDir(root, project) ?? 'node_modules/.astro';
}

/**
 * The moment the build takes as "now": the start of a pinned Beijing day (PORTAL_NOW, checked in
 * config.ts) for reproducible builds and tests, else the present.
 */
export function buildTime({ now }: Pick<Config, 'now'> = config()): Date {
  if (now) return new Date(now.includes('T') ? `${now}:00+08:00` : `${now}T00:00:00+08:00`);
  // One moment for the whole build: a build that runs across an hour still reckons every 公示 alike.
  return (processStart ??= new Date());
}

let processStart: Date | undefined;
