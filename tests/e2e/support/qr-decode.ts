import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/**
 * Reads a QR code back as a phone would see it: from a PNG (a PDF page rendered by poppler's
 * pdftoppm, a screenshot, the share picture), decoded by jsQR. Undefined when none is found.
 */
export function decodePng(png: Buffer): string | undefined {
  const { width, height, data } = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height)?.data;
}

/** One page (from 1) of a PDF file, rendered at `dpi`, decoded. */
export function decodePdfPage(pdf: string, pageNumber: number, dpi = 200): string | undefined {
  const prefix = `${pdf}-p${pageNumber}`;
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', String(pageNumber), '-l', String(pageNumber), pdf, prefix]);
  return decodePng(fs.readFileSync(`${prefix}.png`));
}

/** A data: URL's bytes (the share picture is one). */
export const dataUrlBytes = (url: string): Buffer => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
