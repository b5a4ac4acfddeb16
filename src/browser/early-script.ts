/**
 * The one classic script in <head>, run before the page is first drawn:
 * - `js` on <html> says the page scripts will run, so a chart's place is kept and its table folded
 *   from the first paint (see Chart.astro) instead of the table showing and then jumping away, and
 *   the share button (src/components/ShareControl.astro) is shown;
 * - the remembered reading modes' classes (REMEMBERED_MODES_SCRIPT);
 * - the share button's loader (SHARE_LOADER_SCRIPT).
 * The CSP allows it by its hash, which astro.config.mjs computes from this exact text.
 */
import { REMEMBERED_MODES_SCRIPT } from './reading-modes.ts';

export const SCRIPTS_CLASS = 'js';

/**
 * 分享本页 costs a page's first load nothing but this: a click on the share button (the element with
 * `data-share`, whose value is the address of the share dialogs' module, src/browser/share.ts) adds
 * that module, which opens the dialog and answers the button's later clicks. Here rather than in a
 * module script of its own: a second inline script would be a second hash in every page's CSP, and
 * an external one a request. Should the module fail to load (offline), the next click tries again.
 * Written as old-style script by hand: it runs as it is, before any bundler or polyfill.
 */
export const SHARE_LOADER_SCRIPT =
  'document.addEventListener("click",function(e){var b=e.target.closest&&e.target.closest("[data-share]");' +
  'if(!b||b.dataset.shareLoaded)return;b.dataset.shareLoaded="1";var s=document.createElement("script");' +
  's.type="module";s.src=b.dataset.share;s.onerror=function(){delete b.dataset.shareLoaded;s.remove()};document.head.append(s)});';

export const EARLY_SCRIPT = `document.documentElement.classList.add(${JSON.stringify(SCRIPTS_CLASS)});${REMEMBERED_MODES_SCRIPT}${SHARE_LOADER_SCRIPT}`;
