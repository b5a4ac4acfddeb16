import type { Page } from '@playwright/test';

/** A table cell of words (four or more CJK characters) and the room its words have. */
export interface CellRoom {
  text: string;
  /** Room for the words, in characters of the cell's own font size. */
  chars: number;
  /** Less than four characters' room (half a pixel allowed for rounding). */
  squeezed: boolean;
}

/**
 * Every visible th/td whose text holds four or more CJK characters, with the room its words have:
 * its content box (padding taken off), or in a stacked cell, where the label (drawn by ::before)
 * and the value are the columns of a grid, the value's column. Chart tables fold away once the
 * chart is drawn: they are measured open, as a reader who opens them sees them. Shared by the
 * narrow-table test and the screenshot report.
 */
export function cellsOfWords(page: Page): Promise<CellRoom[]> {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const out: { text: string; chars: number; squeezed: boolean }[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('th, td')) {
      const text = cell.textContent?.trim() ?? '';
      if ((text.match(/\p{Script=Han}/gu) ?? []).length < 4 || cell.getClientRects().length === 0) continue;
      // Not drawn at all: the column heads a stacked table keeps, visually hidden, for screen readers.
      let hidden = false;
      for (let el: HTMLElement | null = cell; el && !hidden; el = el.parentElement) {
        const box = el.getBoundingClientRect();
        hidden = box.width <= 1 || box.height <= 1;
      }
      if (hidden) continue;
      const style = getComputedStyle(cell);
      const em = parseFloat(style.fontSize);
      // A grid's resolved grid-template-columns are its tracks' widths in px.
      const room =
        style.display === 'grid'
          ? parseFloat(style.gridTemplateColumns.split(' ').at(-1) ?? '0')
          : cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      out.push({ text: text.slice(0, 20), chars: room / em, squeezed: room < 4 * em - 0.5 });
    }
    return out;
  });
}
