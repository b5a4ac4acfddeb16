import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILDS, htmlFile, pagesOf, type Build } from '../support/builds.ts';

// The news feed as readers find and read it: every page links to it, and the feed names its own
// address, when its content last changed, and each item's day as it is in Beijing.

const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
const all = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]!);
const BEIJING_DAY = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} 00:00:00 \+0800$/;

for (const build of Object.keys(BUILDS) as Build[]) {
  test.describe(`${build} build`, () => {
    test.beforeEach(({}, info) => test.skip(info.project.name !== build, `files of the ${build} build`));
    const feedXml = () => fs.readFileSync(path.join(BUILDS[build], 'rss.xml'), 'utf8');

    test('every page links to the news feed, by its title and full address', () => {
      const xml = feedXml();
      const channelTitle = /<channel><title>([^<]*)<\/title>/.exec(xml)?.[1];
      const self = attrs(/<atom:link\s[^>]*>/.exec(xml)?.[0] ?? '');
      for (const page of pagesOf(build)) {
        const html = fs.readFileSync(htmlFile(build, page), 'utf8');
        const links = [...html.matchAll(/<link\s[^>]*>/g)].map((m) => attrs(m[0])).filter((a) => a.rel === 'alternate' && a.type === 'application/rss+xml');
        expect(links, page).toHaveLength(1);
        expect(links[0]!.title, page).toBe(channelTitle);
        expect(links[0]!.href, page).toBe(self.href);
        expect(new URL(links[0]!.href!).pathname, page).toBe('/rss.xml');
      }
    });

    test('the feed names its own address and is dated by its newest item, in Beijing time', () => {
      const xml = feedXml();
      expect(xml).toMatch(/<rss version="2.0"[^>]* xmlns:atom="http:\/\/www\.w3\.org\/2005\/Atom"/);
      const self = attrs(/<atom:link\s[^>]*>/.exec(xml)?.[0] ?? '');
      expect(self.rel).toBe('self');
      expect(self.type).toBe('application/rss+xml');
      expect(new URL(self.href!).pathname).toBe('/rss.xml');

      const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => ({ link: all(m[1]!, 'link')[0]!, pubDate: all(m[1]!, 'pubDate')[0] ?? '' }));
      const built = all(xml, 'lastBuildDate');
      if (items.length === 0) {
        // Nothing dated to take it from, and never the clock: builds are compared byte for byte.
        expect(built).toEqual([]);
        return;
      }
      for (const item of items) {
        expect(item.pubDate, item.link).toMatch(BEIJING_DAY);
        // The day the news page shows.
        const html = fs.readFileSync(htmlFile(build, new URL(item.link).pathname), 'utf8');
        const shown = /<time datetime="(\d{4}-\d{2}-\d{2})"/.exec(html.slice(html.indexOf('<main')))?.[1];
        expect(new Date(item.pubDate).toISOString(), item.link).toBe(new Date(`${shown}T00:00:00+08:00`).toISOString());
      }
      const newest = Math.max(...items.map((i) => Date.parse(i.pubDate)));
      expect(built).toHaveLength(1);
      expect(built[0]).toMatch(BEIJING_DAY);
      expect(Date.parse(built[0]!)).toBe(newest);
    });
  });
}
