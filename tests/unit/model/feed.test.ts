import { getRssString } from '@astrojs/rss';
import { parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { ATOM_NS, beijingRssDate, channelData, feedText, feedTitle } from '../../../src/model/feed.ts';

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

describe('the news feed’s dates', () => {
  it('are the start of the day in Beijing, with its weekday and +0800', () => {
    expect(beijingRssDate('2019-11-01')).toBe('Fri, 01 Nov 2019 00:00:00 +0800');
    expect(beijingRssDate('2024-02-29')).toBe('Thu, 29 Feb 2024 00:00:00 +0800');
    expect(beijingRssDate('2024-12-31')).toBe('Tue, 31 Dec 2024 00:00:00 +0800');
    // The same instant as the day's midnight in Beijing, which a reader shows as that day there.
    expect(new Date(beijingRssDate('2019-11-01')).toISOString()).toBe('2019-10-31T16:00:00.000Z');
    expect(() => beijingRssDate('2019/11/1')).toThrow('年-月-日');
  });

  it('date the channel by its newest item, not by the clock, and leave an empty feed undated', () => {
    const data = channelData('https://example.org/rss.xml', ['2024-07-09', '2024-10-15', '2019-11-01']);
    expect(data).toContain('<lastBuildDate>Tue, 15 Oct 2024 00:00:00 +0800</lastBuildDate>');
    expect(data).toContain('<language>zh-cn</language>');
    expect(channelData('https://example.org/rss.xml', [])).not.toContain('lastBuildDate');
  });
});

describe('the whole feed', () => {
  it('names its own address (atom:link rel="self") and dates items in Beijing time', async () => {
    const xml = await getRssString({
      title: feedTitle('竞赛', true),
      description: 'd',
      site: 'https://example.org',
      xmlns: { atom: ATOM_NS },
      customData: channelData('https://example.org/rss.xml', ['2024-10-15']),
      items: [{ title: 't', link: '/news/n/', customData: `<pubDate>${beijingRssDate('2024-10-15')}</pubDate>` }],
    });
    expect(xml).toContain('<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<title>【示例】竞赛 · 新闻动态</title>');
    expect(xml).toContain('<atom:link href="https://example.org/rss.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain('<lastBuildDate>Tue, 15 Oct 2024 00:00:00 +0800</lastBuildDate>');
    expect(xml).toMatch(/<item>.*<pubDate>Tue, 15 Oct 2024 00:00:00 \+0800<\/pubDate>.*<\/item>/s);
    expect(xml).not.toContain('GMT');
  });
});
