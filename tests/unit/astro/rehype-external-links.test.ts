import { describe, expect, it } from 'vitest';
import rehypeExternalLinks, { addNoopener, isExternal } from '../../../src/astro/markdown/rehype-external-links.ts';

const SITE = 'https://portal.example.org';

describe('external links', () => {
  it('are links to another host', () => {
    expect(isExternal('https://www.gov.cn/', SITE)).toBe(true);
    expect(isExternal('//cdn.example.com/x', SITE)).toBe(true);
    expect(isExternal('https://portal.example.org/news/', SITE)).toBe(false);
    expect(isExternal('/news/', SITE)).toBe(false);
    expect(isExternal('mailto:a@example.org', SITE)).toBe(false);
  });

  it('keep the rel an editor wrote and add noopener once', () => {
    expect(addNoopener(undefined)).toEqual(['noopener']);
    expect(addNoopener('nofollow')).toEqual(['nofollow', 'noopener']);
    expect(addNoopener(['noopener'])).toEqual(['noopener']);
  });

  it('get rel="noopener" in the tree, at any depth', () => {
    const link = (href: string) => ({ type: 'element', tagName: 'a', properties: { href } as Record<string, unknown>, children: [] });
    const outside = link('https://www.gov.cn/');
    const inside = link('/quota/');
    const tree = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [outside, inside] }] };
    rehypeExternalLinks({ site: SITE })(tree);
    expect(outside.properties.rel).toEqual(['noopener']);
    expect(inside.properties.rel).toBeUndefined();
  });
});
