/**
 * Settings of the deployed site that are not campaign data: the filing numbers a website in
 * China shows in its footer. They are set at deploy time, in the environment of the build:
 *
 *   PORTAL_ICP="豫ICP备12345678号-1"                ICP 备案号, linked to the MIIT filing register
 *   PORTAL_PUBLIC_SECURITY="豫公网安备41080202000123号" 公安机关备案号, linked to its record
 *
 * Unset, the footer shows neither (a local or test build has none).
 */
export interface Filing {
  text: string;
  href: string;
}

export interface SiteConfig {
  icp?: Filing;
  publicSecurity?: Filing;
}

export const ICP_REGISTER = 'https://beian.miit.gov.cn/';
export const PUBLIC_SECURITY_REGISTER = 'https://beian.mps.gov.cn/#/query/webSearch';

type Env = Record<string, string | undefined>;

export function siteConfig(env: Env = process.env): SiteConfig {
  const icp = env.PORTAL_ICP?.trim();
  const psb = env.PORTAL_PUBLIC_SECURITY?.trim();
  const config: SiteConfig = {};
  if (icp) {
    if (!/ICP[备证]/.test(icp)) throw new Error(`PORTAL_ICP 应为 ICP 备案号，例如“豫ICP备12345678号-1”，实际为“${icp}”`);
    config.icp = { text: icp, href: ICP_REGISTER };
  }
  if (psb) {
    const code = psb.match(/\d{10,}/)?.[0];
    if (!psb.includes('公网安备') || !code) {
      throw new Error(`PORTAL_PUBLIC_SECURITY 应为公安机关备案号，例如“豫公网安备41080202000123号”，实际为“${psb}”`);
    }
    config.publicSecurity = { text: psb, href: `${PUBLIC_SECURITY_REGISTER}?code=${code}` };
  }
  return config;
}
