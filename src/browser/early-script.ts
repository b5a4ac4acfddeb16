/**
 * The one classic script in <head>, run before the page is first drawn:
 * - `js` on <html> says the page scripts will run, so a chart's place is kept and its table folded
 *   from the first paint (see Chart.astro) instead of the table showing and then jumping away;
 * - the remembered reading modes' classes (REMEMBERED_MODES_SCRIPT).
 * The CSP allows it by its hash, which astro.config.mjs computes from this exact text.
 */
import { REMEMBERED_MODES_SCRIPT } from './reading-modes.ts';

export const SCRIPTS_CLASS = 'js';

export const EARLY_SCRIPT = `document.documentElement.classList.add(${JSON.stringify(SCRIPTS_CLASS)});${REMEMBERED_MODES_SCRIPT}`;
