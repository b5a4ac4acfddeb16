import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { config } from './lib/config.ts';
import { CONTENT, newsSchema, noticeSchema, storySchema, workerSchema, type ContentName } from './lib/schema/frontmatter.ts';
import { TABLES, type TableName } from './lib/schema/tables.ts';
import { csvLoader } from './loaders/csv-loader.ts';

// Editors read schema errors in Chinese.
z.config(z.locales.zhCN());

const root = config().contentRoot;

/** The CSV row schemas, already applied by the loader, widened to keep each row's line number. */
function csvCollection<T extends TableName>(name: T) {
  return defineCollection({
    loader: csvLoader(name),
    schema: (TABLES[name].schema as (typeof TABLES)[T]['schema']).extend({ line: z.number().optional() }),
  });
}

/** Markdown under content/<dir>/, one file per entry, the file name being the page's address. */
function markdown(name: ContentName) {
  const { dir } = CONTENT[name];
  return glob({ pattern: name === 'stories' ? '*.{md,mdx}' : '*.md', base: `${root}/content/${dir}` });
}

export const collections = {
  notices: defineCollection({ loader: markdown('notices'), schema: noticeSchema }),
  news: defineCollection({ loader: markdown('news'), schema: newsSchema }),
  stories: defineCollection({ loader: markdown('stories'), schema: storySchema }),
  workers: defineCollection({ loader: markdown('workers'), schema: ({ image }) => workerSchema(image()) }),
  campaigns: csvCollection('campaigns'),
  competitionItems: csvCollection('competitionItems'),
  awardCategories: csvCollection('awardCategories'),
  timeline: csvCollection('timeline'),
  zones: csvCollection('zones'),
  enterprises: csvCollection('enterprises'),
  participation: csvCollection('participation'),
  teams: csvCollection('teams'),
  awards: csvCollection('awards'),
  nominations: csvCollection('nominations'),
  energy: csvCollection('energy'),
  emissions: csvCollection('emissions'),
};
