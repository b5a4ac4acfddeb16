import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { contentRoot } from './lib/content-root.ts';
import { noticeSchema } from './lib/schema/frontmatter.ts';
import { TABLES, type TableName } from './lib/schema/tables.ts';
import { csvLoader } from './loaders/csv-loader.ts';

// Editors read schema errors in Chinese.
z.config(z.locales.zhCN());

const root = contentRoot();

/** The CSV row schemas, already applied by the loader, widened to keep each row's line number. */
function csvCollection<T extends TableName>(name: T) {
  return defineCollection({
    loader: csvLoader(name),
    schema: (TABLES[name].schema as (typeof TABLES)[T]['schema']).extend({ line: z.number().optional() }),
  });
}

export const collections = {
  notices: defineCollection({
    loader: glob({ pattern: '*.md', base: `${root}/content/notices` }),
    schema: noticeSchema,
  }),
  campaigns: csvCollection('campaigns'),
  competitionItems: csvCollection('competitionItems'),
  awardCategories: csvCollection('awardCategories'),
  timeline: csvCollection('timeline'),
  zones: csvCollection('zones'),
  enterprises: csvCollection('enterprises'),
  participation: csvCollection('participation'),
};
