import { csvToRows, rowsToCsv } from '../csv-format.ts';
import { exactFrontmatter, fromMarkdown, toMarkdown } from '../frontmatter-format.ts';
import { FILE_NAME_FIELD, FILE_NAME_WIDGET } from '../names.ts';
import { fileNameControl } from './file-name-field.ts';

/**
 * Sveltia CMS with the configuration the build generated from the
 * schemas (/admin/config.json), in Chinese whatever the browser's language, with the tables saved
 * as CSV and new files named in pinyin. Sveltia's own files are bundled with the site (see
 * src/astro/integrations/sveltia-local-assets.ts): nothing is fetched from another site.
 */
const PREFS = 'sveltia-cms.prefs';

/** Chinese UI on any browser: Sveltia follows its saved preference, else the browser's language. */
function preferChinese() {
  try {
    const prefs = JSON.parse(localStorage.getItem(PREFS) ?? '{}') as Record<string, unknown>;
    if (!prefs.locale) localStorage.setItem(PREFS, JSON.stringify({ ...prefs, locale: 'zh-CN' }));
  } catch {
    localStorage.setItem(PREFS, JSON.stringify({ locale: 'zh-CN' }));
  }
}

interface TableFile {
  name: string;
  files: { format: string; fields: { fields: { name: string }[] }[] }[];
}

export async function startCms(configUrl: string) {
  preferChinese();
  // Sveltia starts itself when loaded unless told not to; it must wait for the settings below.
  (window as unknown as { CMS_MANUAL_INIT: boolean }).CMS_MANUAL_INIT = true;
  const [{ default: CMS }, config] = await Promise.all([import('@sveltia/cms'), fetch(configUrl).then((r) => r.json())]);
  for (const collection of config.collections as TableFile[]) {
    const file = collection.files?.[0];
    if (!file) continue;
    const columns = file.fields[0]!.fields.map((f) => f.name);
    CMS.registerCustomFormat(file.format, 'csv', {
      fromFile: (text: string) => csvToRows(text, columns),
      toFile: (data: unknown) => rowsToCsv(data as never, columns),
    });
  }
  for (const extension of ['md', 'mdx']) {
    CMS.registerCustomFormat(exactFrontmatter(extension), extension, { fromFile: fromMarkdown, toFile: (data: unknown) => toMarkdown(data as Record<string, unknown>) });
  }
  const api = window as unknown as Parameters<typeof fileNameControl>[0];
  CMS.registerFieldType(FILE_NAME_WIDGET, fileNameControl(api) as never);
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      // The file name is the slug only: the frontmatter schema allows no such field.
      let saving = entry.deleteIn(['data', FILE_NAME_FIELD]);
      // A new item is first saved as a draft, as `npm run new` makes it: publishing is a second,
      // deliberate save. Tables have no draft column.
      if (entry.get('newRecord') && entry.hasIn(['data', 'draft'])) saving = saving.setIn(['data', 'draft'], true);
      return saving as never;
    },
  });
  await CMS.init({ config });
}
