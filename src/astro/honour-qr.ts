import QRCode from 'qrcode';
import { config, DEFAULT_SITE } from './config.ts';
import { urls } from '../model/urls.ts';

/**
 * The QR code of an honour record, drawn at build time as SVG by node-qrcode: it encodes the
 * record's canonical address, which only PORTAL_SITE knows. Without it the page says so instead of
 * printing a code that would lead a certificate's reader to the wrong site.
 */
export async function honourQr(code: string): Promise<{ address: string; svg: string } | { missing: string }> {
  const { site } = config();
  if (site === DEFAULT_SITE) return { missing: '网站对外地址（PORTAL_SITE）尚未设置，暂不生成二维码：二维码须指向本记录的正式网址。' };
  const address = new URL(urls.honour(code), site).href;
  // Level M keeps the code readable with a little wear or a stamp over a corner of the certificate.
  const svg = await QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { address, svg };
}
