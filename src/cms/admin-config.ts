import type { CmsSettings } from '../astro/config.ts';
import { cmsBackend } from './backend.ts';
import type { Host } from './live-status.ts';
import { collections, type KnownRows, type ZoneOption } from './collections.ts';

/**
 * The whole Sveltia CMS configuration of /admin/, as plain JSON (written by the build to
 * /admin/config.json): the backend from the PORTAL_CMS_* settings, the collections from the schemas.
 * Nothing here is typed by hand per field, so the CMS cannot drift from validation.
 */
export function adminConfig(cms: CmsSettings, zones: readonly ZoneOption[], site: string, demo = false, known?: KnownRows) {
  return {
    // Everything is given here: no config.yml is fetched.
    load_config_file: false,
    backend: cmsBackend(cms),
    // The CMS covers the whole page, the demo's banner included: its own title says 示例 instead.
    app_title: `${demo ? '【示例】' : ''}“三比两降”竞赛门户 网站后台`,
    site_url: site,
    // Documents the tables link to (plans, summaries) go to files/, served at /files/.
    media_folder: 'files',
    public_folder: '/files',
    // No stock-photo services (Unsplash, Pexels, Pixabay, Lorem Picsum): they ask for API keys and
    // load from other sites; editors upload their own photos.
    media_libraries: { stock_assets: false },
    // Never "summary: ''": an empty optional field would be refused by the schema.
    output: { omit_empty_optional_fields: true },
    slug: { encoding: 'ascii', clean_accents: true, lowercase: true },
    collections: collections(zones, known),
    // Ours, not Sveltia's (start-cms.ts takes it out before the CMS starts): where /admin/ asks
    // whether a save is live yet (src/cms/live-status.ts).
    ...(liveHost(cms) ? { portal_live: liveHost(cms) } : {}),
  };
}

/** The git host whose runs tell whether a save went live; none for the demo's test repository. */
export function liveHost(cms: CmsSettings): Host | undefined {
  const backend = cmsBackend(cms);
  if (backend.name === 'test-repo' || !backend.repo) return undefined;
  const api = backend.name === 'github' ? 'https://api.github.com' : backend.api_root!;
  return { kind: backend.name, api, repo: backend.repo, branch: backend.branch ?? 'main' };
}

/**
 * The zones an enterprise may be put in, from the tables as they stand at build time, plus 市直.
 * A `select`, not a `relation`: the city-level group is no row of zones.csv. A zone added in the
 * CMS can be chosen after the next build (which every save triggers); until then the validation
 * still checks every enterprise's zone, whatever was typed.
 */
export function zoneOptions(zones: readonly { id: string; name: string; year: number }[]): ZoneOption[] {
  const latest = new Map<string, ZoneOption>();
  for (const z of [...zones].sort((a, b) => a.year - b.year)) latest.set(z.id, { id: z.id, name: z.name });
  return [...latest.values()];
}
