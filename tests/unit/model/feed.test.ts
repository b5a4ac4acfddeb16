import { getRssString } from '@astrojs/rss';
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { feedText } from '../../../src/model/feed.ts';

/** What a feed reader does: read the XML, then render the description as HTML. */
async function shownByReader(summary: string): Promise<{ text: string; elements: number }> {
  const xml = await getRssString({
    title: 't',
    description: 'd',
    site: 'https://example.org',
    items: [{ title: 't', link: '/news/n/', pubDate: new Date(0), description: feedText(summary) }],
  });
  const escaped = /<item>.*<description>([^<]*)<\/description>/s.exec(xml)?.[1] ?? '';
  const xmlEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  const description = escaped.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => xmlEntities[e]!);
  const fragment = parseFragment(description);
  const elements = fragment.childNodes.filter((n) => 'tagName' in n).length;
  const text = fragment.childNodes.map((n) => ('value' in n ? n.value : '')).join('');
  return { text, elements };
}

describe('the news feed’s descriptions', () => {
  it('are shown by a reader as the text the editor wrote, never as markup', async () => {
    for (const summary of ['<img src=x onerror=alert(1)>', '摘要"><script>alert(4)</script>', 'A&amp;B <b>粗</b>']) {
      expect(await shownByReader(summary)).toEqual({ text: summary, elements: 0 });
    }
  });
});
