/**
 * Lines of Chinese text for a canvas, which does not wrap by itself: broken between any two
 * characters (as Chinese is set), except that a closing mark (，。」） and the like) never begins a
 * line and an opening one (「（《 and the like) never ends one: the character before or after it
 * moves along (the basic 禁则 of GB/T 15834 and the W3C's clreq). A run of Latin letters or digits
 * is kept whole when it fits a line. Too many lines end in "…".
 */
const NO_LINE_START = new Set([...'，。、；：？！）」』》〉】〕’”…—·,.;:?!)]}%']);
const NO_LINE_END = new Set([...'（「『《〈【〔‘“([{']);

const graphemes = (text: string): string[] => [...new Intl.Segmenter('zh-CN', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

/** Units that stay together on a line: a Latin word or number, an opening mark with what follows, a character with the closing marks after it. */
function units(text: string): string[] {
  const out: string[] = [];
  let pendingOpen = '';
  for (const g of graphemes(text)) {
    const last = out.length - 1;
    if (NO_LINE_START.has(g) && last >= 0 && !pendingOpen) out[last] += g;
    else if (/^[A-Za-z0-9]$/.test(g) && last >= 0 && !pendingOpen && /[A-Za-z0-9]$/.test(out[last]!)) out[last] += g;
    else if (NO_LINE_END.has(g)) pendingOpen += g;
    else {
      out.push(pendingOpen + g);
      pendingOpen = '';
    }
  }
  if (pendingOpen) out.push(pendingOpen);
  return out;
}

export function wrapText(text: string, maxWidth: number, measure: (s: string) => number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of units(text.replace(/\s+/g, ' ').trim())) {
    if (measure(unit) > maxWidth) {
      // A unit wider than a line (a long Latin word, an address) is broken where it must.
      for (const g of graphemes(unit)) {
        if (line && measure(line + g) > maxWidth) {
          lines.push(line);
          line = '';
        }
        line += g;
      }
      continue;
    }
    if (line && measure(line + unit) > maxWidth) {
      lines.push(line);
      line = '';
    }
    if (line || unit !== ' ') line += unit;
  }
  if (line.trim()) lines.push(line);
  if (lines.length <= maxLines) return lines.map((l) => l.trim());
  const kept = lines.slice(0, maxLines).map((l) => l.trim());
  let last = kept[maxLines - 1]!;
  while (last && measure(`${last}…`) > maxWidth) last = graphemes(last).slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return kept;
}
