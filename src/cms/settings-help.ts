/** What /admin/ asks an administrator to set, in Chinese (the page shows it when nothing is set). */
export const SETTINGS_HELP: readonly [string, string][] = [
  ['PORTAL_CMS_BACKEND', '代码托管平台：github、gitlab 或 gitea（Forgejo 也写 gitea）'],
  ['PORTAL_CMS_REPO', '仓库，写成“所有者/仓库名”，例如 jzzgh/portal'],
  ['PORTAL_CMS_BRANCH', '保存到哪个分支（发布网站的分支），不设则为 main'],
  ['PORTAL_CMS_BASE_URL', 'GitLab、Gitea 自建服务器的地址，例如 https://git.example.org；GitHub 写 OAuth 登录服务的地址'],
  ['PORTAL_CMS_APP_ID', '在该平台登记的 OAuth 应用的 Client ID（GitLab、Gitea 用 PKCE 登录，不需要密钥）'],
];
