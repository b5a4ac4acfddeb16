import type { APIRoute } from 'astro';
import { config } from '../../astro/config.ts';
import { getSite } from '../../astro/site.ts';
import { adminConfig, zoneOptions } from '../../cms/admin-config.ts';

/** The CMS's configuration, generated from the schemas at build time; null when not configured. */
export const GET: APIRoute = () => {
  const { cms, site, demo } = config();
  const body = cms ? adminConfig(cms, zoneOptions(getSite().zones), site, demo) : null;
  return new Response(`${JSON.stringify(body, null, 1)}\n`, { headers: { 'content-type': 'application/json' } });
};
