import type { BarStyle } from './types.ts';

/**
 * Bar colours, one per style. Each stands out from the white page by at least 3:1 (WCAG 2.2
 * non-text contrast), and each style also has its own fill pattern, so colour is never the only cue.
 */
export const BAR_COLOURS: Record<BarStyle, string> = {
  solid: '#0b6b3a',
  hatch: '#1f5a99',
  dots: '#9a4a00',
  cross: '#6b3d8f',
  outline: '#595959',
};

/** Page background, pattern background and label text. */
export const PAPER = '#ffffff';
export const INK = '#1a1a1a';
export const GRID = '#c9c9c9';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
