import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { config } from './astro/config.ts';
import { markdownFolder } from './astro/markdown-loader.ts';
import { CONTENT, newsSchema, noticeSchema, storySchema, workerSchema, type ContentName } from './input/schema/frontmatter.ts';

// Editors read schema errors in Chinese.
z.config(z.locales.zhCN());

const root = config().contentRoot;

/**
 * Markdown under content/<dir>/, one file per entry, the file name being the page's address. Astro
 * keeps what it must process: the text (Markdown, MDX) and the photos. The tables are not
 * collections: pages read them from the site model (src/astro/site.ts).
 */
function markdown(name: ContentName) {
  const { dir } = CONTENT[name];
  return markdownFolder(`${root}/content/${dir}`, name === 'stories' ? ['md', 'mdx'] : ['md']);
}

export const collections = {
  notices: defineCollection({ loader: markdown('notices'), schema: noticeSchema }),
  news: defineCollection({ loader: markdown('news'), schema: newsSchema }),
  stories: defineCollection({ loader: markdown('stories'), schema: storySchema }),
  workers: defineCollection({ loader: markdown('workers'), schema: ({ image }) => workerSchema(image()) }),
};
