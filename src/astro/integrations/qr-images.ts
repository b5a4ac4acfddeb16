import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildCacheDir, config } from '../config.ts';
import { codeVersion, readDigestCache, writeDigestCache } from '../../build-cache/digest-cache.ts';
import { qrCode } from '../../model/qr.ts';
import { qrImagePath, qrSvgFile, type QrCode } from '../../model/qr-shape.ts';

/**
 * The printed pages' QR codes (src/components/PrintOrigin.astro): for every built page that asks for
 * one, the file beside it, encoding the page's canonical address. Found in the finished pages, so
 * that a page copied from the incremental build's cache gets its code as well. Only with PORTAL_SITE:
 * without it no page asks (a code of a placeholder address would scan to the wrong place).
 */
const ASKS = /<img src="([^"]+)" alt="本页网址的二维码"/;

/** Folders of the built site that hold no reader's page. */
const NO_PAGES = new Set(['_astro', 'pagefind', 'admin', 'files', 'og']);

function* pageFiles(dir: string, top = true): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!(top && NO_PAGES.has(entry.name))) yield* pageFiles(file, false);
    } else if (entry.name === 'index.html') yield file;
  }
}

/** The code that decides a QR code's drawing. */
const qrVersion = () => codeVersion(['src/model/qr.ts', 'src/model/qr-shape.ts'], ['qrcode']);

/**
 * Writes the files; `cacheFile` keeps each address's code between builds (making one costs about
 * 0.4 ms, and a build after an edit, or the daily build, would otherwise make every page's again).
 */
export function writeQrImages(outDir: string, site: string, cacheFile?: string): number {
  const version = qrVersion();
  const kept = readDigestCache<QrCode>(cacheFile, version);
  const used = new Map<string, QrCode>();
  for (const file of pageFiles(outDir)) {
    const src = ASKS.exec(fs.readFileSync(file, 'utf8'))?.[1];
    if (!src) continue;
    const folder = path.relative(outDir, path.dirname(file)).split(path.sep).join('/');
    const pathname = encodeURI(folder ? `/${folder}/` : '/');
    if (src !== qrImagePath(pathname)) throw new Error(`${pathname}：二维码图片地址 ${src} 与页面地址不符`);
    const address = new URL(pathname, site).href;
    const qr = kept.get(address) ?? qrCode(address);
    used.set(address, qr);
    fs.writeFileSync(path.join(path.dirname(file), 'qr.svg'), qrSvgFile(qr));
  }
  writeDigestCache(cacheFile, version, used);
  return used.size;
}

export default function qrImages(): AstroIntegration {
  return {
    name: 'portal-qr-images',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { siteGiven, site, contentRoot } = config();
        if (!siteGiven) return;
        const started = performance.now();
        const written = writeQrImages(fileURLToPath(dir), site, path.join(buildCacheDir(contentRoot), 'qr-codes.json'));
        logger.info(`打印用二维码：${written} 个页面，用时 ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
