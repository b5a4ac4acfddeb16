import { config } from './config.ts';
import { getSite } from './site.ts';
import { qrCode } from '../model/qr.ts';
import type { QrCode } from '../model/qr-shape.ts';

/** What names a page wherever it goes: the portal's name, its own title, its address and QR code. */
export interface PageIdentity {
  /** The portal's name, 【示例】 first in the demo. */
  siteTitle: string;
  /** The page's title; the portal's name on the home page. */
  title: string;
  /** The canonical address. */
  address: URL;
  /** Only when the build was told the public address (PORTAL_SITE): never a placeholder's code. */
  qr?: QrCode;
}

export function pageIdentity(pathname: string, site: URL | undefined, title: string): PageIdentity {
  const view = getSite().current;
  const { demo, siteGiven } = config();
  const siteTitle = `${demo ? '【示例】' : ''}${view.year}年${view.campaign.title}`;
  const address = new URL(pathname, site);
  return { siteTitle, title: title === '首页' ? siteTitle : title, address, ...(siteGiven ? { qr: qrCode(address.href) } : {}) };
}
