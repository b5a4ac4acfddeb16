import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAbsoluteUrl } from '../../../src/input/schema/patterns.ts';
import { fileOfPageUrl, pageUrlOfFile, sections, urls, zoneAnchor } from '../../../src/model/urls.ts';

describe('urls', () => {
  it('gives each kind of page its address', () => {
    expect(urls.enterprise('jiaomei-jituan')).toBe('/enterprises/jiaomei-jituan/');
    expect(urls.worker('li-xiulan')).toBe('/workers/li-xiulan/');
    expect(urls.news('2023-03-15-news-1')).toBe('/news/2023-03-15-news-1/');
    expect(urls.story('2023-hongyuan-yure')).toBe('/stories/2023-hongyuan-yure/');
    expect(urls.notice('jiaogongwen-2019-27')).toBe('/notices/jiaogongwen-2019-27/');
  });

  it('links a zone to its section of the enterprise directory, the city group too', () => {
    expect(urls.zone('xiushan')).toBe('/enterprises/#zone-xiushan');
    expect(urls.zone('city')).toBe('/enterprises/#zone-city');
    expect(urls.zone('xiushan')).toBe(`${sections.enterprises}#${zoneAnchor('xiushan')}`);
  });

  it('numbers the news list from the section page', () => {
    expect(urls.newsList(1)).toBe('/news/');
    expect(urls.newsList(1)).toBe(sections.news);
    expect(urls.newsList(2)).toBe('/news/page/2/');
  });

  it('gives a year page or, without a year, the section', () => {
    expect(urls.archive()).toBe('/archive/');
    expect(urls.archive(2023)).toBe('/archive/2023/');
    expect(urls.leaderboard()).toBe('/leaderboard/');
    expect(urls.leaderboard(2023)).toBe('/leaderboard/2023/');
  });

  it('keeps a web address as it is and puts a file name under /files/', () => {
    expect(urls.document('https://example.org/a.pdf')).toBe('https://example.org/a.pdf');
    expect(urls.document('http://example.org/a.pdf')).toBe('http://example.org/a.pdf');
    expect(urls.document('plan.pdf')).toBe('/files/plan.pdf');
    expect(urls.document('2023/方案.pdf')).toBe('/files/2023/方案.pdf');
  });

  it('addresses data downloads', () => {
    expect(urls.dataset('zones', 'csv')).toBe('/data/zones.csv');
    expect(urls.dataset('zones', 'json')).toBe('/data/zones.json');
    expect(urls.chartCsv('quota-by-zone')).toBe('/data/charts/quota-by-zone.csv');
    expect(urls.chartCsv('x').startsWith(sections.chartData)).toBe(true);
    expect(sections.datapackage).toBe('/data/datapackage.json');
  });

  it('puts a search query in the address, encoded', () => {
    expect(urls.search()).toBe('/search/');
    expect(urls.search('')).toBe('/search/');
    expect(urls.search('节能 降耗&')).toBe(`/search/?q=${encodeURIComponent('节能 降耗&')}`);
  });

  it('ends every section page with a slash, the way the build writes them', () => {
    for (const [name, address] of Object.entries(sections)) {
      expect(address, name).toMatch(/^\//);
      if (!/\.(xml|json)$/.test(address)) expect(address, name).toMatch(/\/$/);
    }
  });
});

describe('isAbsoluteUrl', () => {
  it('accepts http and https addresses only', () => {
    expect(isAbsoluteUrl('https://example.org/')).toBe(true);
    expect(isAbsoluteUrl('http://example.org/')).toBe(true);
    expect(isAbsoluteUrl('/files/a.pdf')).toBe(false);
    expect(isAbsoluteUrl('a.pdf')).toBe(false);
    expect(isAbsoluteUrl('ftp://example.org/a.pdf')).toBe(false);
    expect(isAbsoluteUrl('//example.org/')).toBe(false);
  });
});

describe('pageUrlOfFile', () => {
  it('serves index.html files at their folder', () => {
    expect(pageUrlOfFile('index.html')).toBe('/');
    expect(pageUrlOfFile('news/index.html')).toBe('/news/');
    expect(pageUrlOfFile('news/page/2/index.html')).toBe('/news/page/2/');
    expect(pageUrlOfFile('404.html')).toBe('/404.html');
  });

  it('is undone by fileOfPageUrl', () => {
    for (const file of ['index.html', 'news/index.html', 'enterprises/a/index.html', '404.html']) {
      expect(fileOfPageUrl(pageUrlOfFile(file))).toBe(file);
    }
  });

  it('imports nothing from Astro or Node, so the browser can use it', () => {
    const source = fs.readFileSync(new URL('../../../src/model/urls.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['../input/schema/patterns.ts']);
    expect(fs.readFileSync(new URL('../../../src/input/schema/patterns.ts', import.meta.url), 'utf8')).not.toMatch(/^\s*import\b/m);
  });
});
