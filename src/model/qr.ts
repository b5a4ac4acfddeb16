import QRCode from 'qrcode';
import type { QrCode } from './qr-shape.ts';

/**
 * Codes made in this process, by address. A build needs each page's code twice: rendering the page
 * (the printed picture's width and height) and writing its file (qr-images.ts), each time from its
 * own copy of this module (the pages' bundle, the integration's); so the codes are kept on the
 * process's global object rather than in the module. About 2 KB a code (38 MB at 20,000 pages).
 */
const MADE = Symbol.for('portal.qr-codes');
const made = ((globalThis as { [MADE]?: Map<string, QrCode> })[MADE] ??= new Map<string, QrCode>());

/**
 * A page's address as a QR code, made by node-qrcode (the `qrcode` package) at build time and kept
 * as one SVG path, so that the same drawing serves the printed page, the share control's QR code
 * and the share picture (drawn on a canvas with Path2D): the reader's browser needs no QR library.
 *
 * Error correction level M (15% of the code may be lost: a fold or a smudge on paper). The address
 * is one byte-mode segment: it is ASCII (encoded as a page's URL is), and node-qrcode's search for
 * the shortest mix of modes took a fifth of the time of making a code. The path is written here
 * rather than cut out of node-qrcode's SVG string (the same shape, relative moves between runs):
 * its markup is no interface the package promises.
 */
export function qrCode(address: string): QrCode {
  let qr = made.get(address);
  if (!qr) {
    qr = draw(address);
    made.set(address, qr);
  }
  return qr;
}

function draw(address: string): QrCode {
  const { modules } = QRCode.create([{ data: new TextEncoder().encode(address), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const size = modules.size;
  // Pieces joined once: a string grown by += is a chain of hundreds of pieces, 16 KB a code kept.
  const path: string[] = [];
  for (let y = 0; y < size; y++) {
    let end: number | undefined; // where the row's last run ended
    for (let x = 0; x < size; ) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      let run = 1;
      while (x + run < size && modules.get(y, x + run)) run++;
      path.push(end === undefined ? `M${x} ${y + 0.5}h${run}` : `m${x - end} 0h${run}`);
      end = x + run;
      x = end;
    }
  }
  return { size, path: path.join('') };
}
