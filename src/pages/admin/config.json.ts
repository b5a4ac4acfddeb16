import type { APIRoute } from 'astro';
import { config } from '../../astro/config.ts';
import { getSite } from '../../astro/site.ts';
import { adminConfig, zoneOptions } from '../../cms/admin-config.ts';
import { TABLES, type TableName } from '../../input/schema/tables.ts';

/** The CMS's configuration, generated from the schemas at build time; null when not configured. */
export const GET: APIRoute = () => {
  const { cms, site, demo } = config();
  const data = cms ? getSite() : undefined;
  const known = data && { tables: Object.fromEntries((Object.keys(TABLES) as TableName[]).map((t) => [t, data[t]])), notices: data.content.notices.map((n) => n.id) };
  const body = cms && data ? adminConfig(cms, zoneOptions(data.zones), site, demo, known) : null;
  return new Response(`${JSON.stringify(body, null, 1)}\n`, { headers: { 'content-type': 'application/json' } });
};
