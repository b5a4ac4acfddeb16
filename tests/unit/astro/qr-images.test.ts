import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeQrImages } from '../../../src/astro/integrations/qr-images.ts';
import { qrCode } from '../../../src/model/qr.ts';
import { qrSvgFile } from '../../../src/model/qr-shape.ts';
import { writeTree } from '../../support/tree.ts';

const asking = (src: string) => `<html><body><div class="print-origin"><img src="${src}" alt="本页网址的二维码" width="33" height="33" loading="lazy"></div></body></html>`;

describe('the printed pages’ QR code files', () => {
  it('writes beside each page that asks for one the code of its canonical address', () => {
    const dir = writeTree({ 'index.html': asking('/qr.svg'), 'news/page/2/index.html': asking('/news/page/2/qr.svg'), '404.html': '<html></html>', 'search/index.html': '<html></html>' }, 'portal-qr-');
    expect(writeQrImages(dir, 'https://demo.example.org')).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'qr.svg'), 'utf8')).toBe(qrSvgFile(qrCode('https://demo.example.org/')));
    expect(fs.readFileSync(path.join(dir, 'news/page/2/qr.svg'), 'utf8')).toBe(qrSvgFile(qrCode('https://demo.example.org/news/page/2/')));
    expect(fs.existsSync(path.join(dir, 'search/qr.svg'))).toBe(false);
  });

  it('stops when a page asks for another page’s file', () => {
    const dir = writeTree({ 'quota/index.html': asking('/news/qr.svg') }, 'portal-qr-');
    expect(() => writeQrImages(dir, 'https://demo.example.org')).toThrow(/\/quota\/.*\/news\/qr\.svg/);
  });
});
