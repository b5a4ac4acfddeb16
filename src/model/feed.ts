/**
 * A feed reader shows an item's description as HTML. The feed library escapes it once, for the
 * XML only, so a summary "<img src=x onerror=…>" would reach the reader as markup: escaping it as
 * HTML text first makes the reader show it as the editor wrote it.
 */
export function feedText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
