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

  it('keeps each address’s code between builds, exactly the addresses of this build', () => {
    const dir = writeTree({ 'index.html': asking('/qr.svg'), 'news/index.html': asking('/news/qr.svg') }, 'portal-qr-');
    const cache = path.join(dir, '..', `${path.basename(dir)}-qr-codes.json`);
    expect(writeQrImages(dir, 'https://demo.example.org', cache)).toBe(2);
    const saved = JSON.parse(fs.readFileSync(cache, 'utf8')) as { version: string; entries: [string, unknown][] };
    expect(saved.entries.map(([address]) => address).sort()).toEqual(['https://demo.example.org/', 'https://demo.example.org/news/']);
    // A kept code is used as it is: one put in the cache by hand shows in the file.
    const mark = { size: 1, path: 'M0 0.5h1' };
    fs.writeFileSync(cache, JSON.stringify({ ...saved, entries: saved.entries.map(([a, qr]) => [a, a.endsWith('/news/') ? mark : qr]) }));
    fs.rmSync(path.join(dir, 'index.html'));
    expect(writeQrImages(dir, 'https://demo.example.org', cache)).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'news/qr.svg'), 'utf8')).toBe(qrSvgFile(mark));
    // The cache holds this build's addresses only.
    expect((JSON.parse(fs.readFileSync(cache, 'utf8')) as typeof saved).entries.map(([address]) => address)).toEqual(['https://demo.example.org/news/']);
    // Kept by another version of the code: drawn afresh.
    fs.writeFileSync(cache, JSON.stringify({ version: 'other', entries: [['https://demo.example.org/news/', mark]] }));
    writeQrImages(dir, 'https://demo.example.org', cache);
    expect(fs.readFileSync(path.join(dir, 'news/qr.svg'), 'utf8')).toBe(qrSvgFile(qrCode('https://demo.example.org/news/')));
  });

  it('stops when a page asks for another page’s file', () => {
    const dir = writeTree({ 'quota/index.html': asking('/news/qr.svg') }, 'portal-qr-');
    expect(() => writeQrImages(dir, 'https://demo.example.org')).toThrow(/\/quota\/.*\/news\/qr\.svg/);
  });
});
