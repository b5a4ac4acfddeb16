import type { Loader } from 'astro/loaders';
import { config } from '../lib/config.ts';
import { loadPortalData } from '../lib/portal-data.ts';
import { TABLES, type TableName } from '../lib/schema/tables.ts';

/**
 * A collection backed by one CSV table under data/. All tables are read and cross-checked together
 * (loadPortalData), so the first collection to load reports every problem of every table at once.
 */
export function csvLoader(name: TableName): Loader {
  return {
    name: `csv:${TABLES[name].file}`,
    load: async ({ store, parseData, generateDigest }) => {
      const rows = loadPortalData(config().contentRoot)[name];
      store.clear();
      for (const { line, ...row } of rows) {
        const id = TABLES[name].key.map((k) => String((row as Record<string, unknown>)[k])).join('/');
        const data = await parseData({ id, data: row as Record<string, unknown> });
        store.set({ id, data: { ...data, line }, digest: generateDigest(data) });
      }
    },
  };
}
