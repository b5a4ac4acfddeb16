import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrCode } from '../../../src/model/qr.ts';
import { QUIET_ZONE, qrViewBox } from '../../../src/model/qr-shape.ts';

/**
 * The path drawn as a scanner sees it: each "M x y.5 h n" / "m dx 0 h n" run filled in a bitmap
 * (with the quiet zone, `scale` pixels a module), then decoded by jsQR.
 */
function scan(size: number, path: string, scale = 4): string | undefined {
  const side = (size + 2 * QUIET_ZONE) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b) - 0.5];
    else if (command === 'm') x += Number(a);
    else {
      for (let i = 0; i < Number(a); i++, x++) {
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const at = (((y + QUIET_ZONE) * scale + dy) * side + (x + QUIET_ZONE) * scale + dx) * 4;
            pixels.fill(0, at, at + 3);
          }
        }
      }
    }
  }
  return jsQR(pixels, side, side)?.data;
}

describe('qrCode', () => {
  it('draws a code that scans back to the address', () => {
    for (const address of ['https://jzsbljj.example.org/', 'https://demo.jzsbljj.example.org/enterprises/zhonglv-zhongzhou/', 'https://example.org/news/2024-10-15-%E8%8A%82%E8%83%BD/']) {
      const { size, path } = qrCode(address);
      expect(scan(size, path), address).toBe(address);
    }
  });

  it('shows the code with four modules of white around it', () => {
    expect(qrViewBox({ size: 29, path: '' })).toBe('-4 -4 37 37');
  });

  it('is small enough to print on every page: well under a kilobyte gzipped for a long address', async () => {
    const { gzipSync } = await import('node:zlib');
    const { path } = qrCode(`https://demo.jzsbljj.example.org/stories/${'a'.repeat(60)}/`);
    expect(gzipSync(path).length).toBeLessThan(1024);
  });
});
