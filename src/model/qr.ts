import QRCode from 'qrcode';
import type { QrCode } from './qr-shape.ts';

/**
 * A page's address as a QR code, made by node-qrcode (the `qrcode` package) at build time and kept
 * as one SVG path, so that the same drawing serves the printed page, the share control's QR code
 * and the share picture (drawn on a canvas with Path2D): the reader's browser needs no QR library.
 *
 * Error correction level M (15% of the code may be lost: a fold or a smudge on paper). The path is
 * written here rather than cut out of node-qrcode's SVG string (the same shape, relative moves
 * between runs): its markup is no interface the package promises.
 */
export function qrCode(address: string): QrCode {
  const { modules } = QRCode.create(address, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let path = '';
  for (let y = 0; y < size; y++) {
    let end: number | undefined; // where the row's last run ended
    for (let x = 0; x < size; ) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && modules.get(y, x + run)) run++;
      path += end === undefined ? `M${x} ${y + 0.5}h${run}` : `m${x - end} 0h${run}`;
      end = x + run;
      x = end;
    }
  }
  return { size, path };
}
