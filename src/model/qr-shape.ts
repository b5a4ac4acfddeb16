/**
 * The shape of a page's QR code as the pages and the browser's share picture read it; made at
 * build time by src/model/qr.ts. Kept apart from it so that browser code importing these names
 * does not take the QR library along.
 */
export interface QrCode {
  /** Modules per side, without the quiet zone. */
  size: number;
  /**
   * Each row's runs of dark modules as horizontal lines one module thick through the row's middle,
   * in module units: drawn with a stroke of width 1 (SVG stroke, canvas lineWidth 1).
   */
  path: string;
}

/** Modules of white around the code that scanners need (ISO/IEC 18004: four). */
export const QUIET_ZONE = 4;

/** The SVG viewBox that shows the code with its quiet zone. */
export const qrViewBox = ({ size }: QrCode): string => `${-QUIET_ZONE} ${-QUIET_ZONE} ${size + 2 * QUIET_ZONE} ${size + 2 * QUIET_ZONE}`;

/** The printed page's QR code: a file beside the page (its address ends with "/"), drawn by the build. */
export const qrImagePath = (pathname: string): string => `${pathname}qr.svg`;

/** A QR code as a standalone SVG file, as QrImage.astro draws it on a page. */
export const qrSvgFile = (qr: QrCode): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${qrViewBox(qr)}" shape-rendering="crispEdges"><rect x="${-QUIET_ZONE}" y="${-QUIET_ZONE}" width="${qr.size + 2 * QUIET_ZONE}" height="${qr.size + 2 * QUIET_ZONE}" fill="#fff"/><path d="${qr.path}" stroke="#000" fill="none"/></svg>\n`;
