import { remainingText, STATUS_TEXT } from '../model/procedure.ts';

/**
 * A page built before a 公示's closing hour, read after it: the daily build is the first line, and
 * this corrects what the page says of the time (公示中 becomes 公示期满，待表彰决定; the days left
 * are counted again) by the reader's clock, with the same words the build uses (procedure.ts).
 * It never shows what the build left out: a 公示 not begun at build time is not in the page at all.
 */
export function correctPublicity(root: ParentNode, now: Date): void {
  for (const section of root.querySelectorAll<HTMLElement>('[data-publicity][data-status="open"]')) {
    const end = new Date(section.dataset.end ?? '');
    const endText = section.dataset.endText ?? '';
    if (Number.isNaN(end.getTime())) continue;
    const remaining = section.querySelector<HTMLElement>('[data-publicity-remaining]');
    if (remaining) remaining.textContent = remainingText(end, endText, now);
    if (now.getTime() < end.getTime()) continue;
    section.dataset.status = 'closed';
    for (const badge of section.querySelectorAll<HTMLElement>('[data-publicity-badge]')) {
      badge.textContent = section.dataset.stage === 'nomination' ? '公示期满' : STATUS_TEXT.closed;
      badge.dataset.state = 'closed';
    }
    for (const el of section.querySelectorAll<HTMLElement>('[data-publicity-objection-state]')) el.textContent = '（已截止）';
    const note = section.querySelector<HTMLElement>('[data-publicity-corrected]');
    if (note) note.hidden = false;
  }
}
