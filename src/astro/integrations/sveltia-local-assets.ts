import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Sveltia CMS, bundled with the site, asks for nothing from another site. Its npm module already
 * imports its locales, code-highlighting files and fonts from its own package, but its style sheet
 * still names the fonts on jsDelivr: where that CDN is slow or unreachable (as often in mainland
 * China) the icons are drawn as words. This transform points those addresses at the package's own
 * copies, which the bundler then emits beside the CMS: esbuild, once per version, for a build
 * (sveltia-prebuilt.ts, with the functions below), Vite for the dev server (the plugin below).
 *
 * Any other CDN address in the module stops the build unless it is known to be one that is never
 * fetched, so a new version of the package cannot bring a foreign request in unnoticed.
 */
const MODULE = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]index\.js$/;
const CDN = /https:\/\/(?:cdn\.jsdelivr\.net|unpkg\.com)\/[^\s`'")]*/g;
const FONT = /url\((https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[\d.]+\/([a-z0-9-]+)\.woff2)\)/g;

/**
 * Addresses left in place, exactly as the module writes them (a base the code adds to is matched
 * whole, so a new use of it stops the build), each never requested: the CMS's end-to-end test
 * blocks every other origin and sees no request to one.
 */
export const NEVER_FETCHED: readonly { url: string; why: string }[] = [
  // The JSON schema of config.yml, named in the UI's help, never loaded.
  { url: 'https://unpkg.com/@sveltia/cms', why: 'configuration schema link' },
  // Default loaders of the code highlighter, replaced at start-up by the package's own files.
  { url: 'https://unpkg.com/@shikijs', why: 'default highlighter loader, overridden' },
  { url: 'https://unpkg.com/@sveltia/ui', why: 'default highlighter engine, overridden' },
  // Leaflet's marker icon for the map field, which no collection of ours uses; the package's own
  // copy is used when present.
  { url: 'https://unpkg.com/${e}', why: 'map field marker fallback' },
];

/** The package's own copy of a font the style sheet names on jsDelivr, as the module's relative path. */
export function localFont(assetsDir: string, family: string, subset: string): string {
  const file = fs.readdirSync(assetsDir).find((f) => f.startsWith(`${family}-${subset}-`) && f.endsWith('.woff2'));
  if (!file) throw new Error(`@sveltia/cms: no local copy of the font ${family} ${subset} in ${assetsDir}`);
  return `./assets/${file}`;
}

/** The module's code with its CDN fonts pointed at its own files (inside the CSS template literal). */
export function rewriteSveltia(code: string, assetsDir: string): string {
  const out = code.replace(FONT, (_m, _url: string, family: string, subset: string) => {
    return `url(\${new URL(${JSON.stringify(localFont(assetsDir, family, subset))}, import.meta.url).href})`;
  });
  const unknown = [...new Set(out.match(CDN) ?? [])].filter((url) => !NEVER_FETCHED.some((n) => url === n.url));
  if (unknown.length > 0) {
    throw new Error(`@sveltia/cms names addresses on a CDN that src/astro/integrations/sveltia-local-assets.ts does not handle:\n  ${unknown.join('\n  ')}`);
  }
  return out;
}

/**
 * Parts of the CMS that no collection of ours uses, each loaded only on demand, left out of the
 * bundle: bundling them (11 MB of code-highlighting grammars for ~300 languages, the map field's
 * Leaflet and Terra Draw, the SVG optimiser; we publish no SVG) tripled the build's bundling step
 * (about 4 s of every build) and put 17 MB of files into every site that nobody loads. An editor
 * who writes a code block sees it unhighlighted.
 */
const UNUSED = /^(?:@shikijs\/langs\/|leaflet(?:\/|$)|terra-draw|svgo(?:\/|$))/;
const UNUSED_ID = '\0portal-sveltia-unused';

/** Whether an import is one of those parts, as Sveltia's module (importer) makes it. */
export const leftOut = (source: string, importer: string | undefined): boolean => Boolean(importer && isSveltiaModule(importer) && UNUSED.test(source));

/** What a left-out part becomes: a grammar module's default export is its list of grammars, none. */
export const LEFT_OUT_CODE = 'export default [];';

/**
 * The CMS's Chinese: its zh-CN locale lacks ~100 of the English one's messages, which then show in
 * English ("Show Errors" under a refused save, "Replace Image", "Select …"). Ours
 * (sveltia-zh-CN.json, the messages an editor can meet) fill those gaps; the package's own win, so
 * a later version's translations take over. Messages keep Sveltia's MessageFormat syntax.
 */
const ZH_CN = /[\\/]@sveltia[\\/]cms[\\/]locales[\\/]zh-CN\.json$/;
export const OUR_ZH_CN = fileURLToPath(new URL('sveltia-zh-CN.json', import.meta.url));
export const isSveltiaChinese = (id: string): boolean => ZH_CN.test(id.split('?')[0]!);

type Messages = { [key: string]: string | Messages };
const fillGaps = (theirs: Messages, ours: Messages): Messages =>
  Object.fromEntries(
    [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].map((key) => {
      const [t, o] = [theirs[key], ours[key]];
      return [key, t !== undefined && o !== undefined && typeof t === 'object' && typeof o === 'object' ? fillGaps(t, o) : (t ?? o)!];
    }),
  );

/** The package's zh-CN messages (the file's text) with ours where it has none. */
export const sveltiaChinese = (json: string): string => JSON.stringify(fillGaps(JSON.parse(json) as Messages, JSON.parse(fs.readFileSync(OUR_ZH_CN, 'utf8')) as Messages));

/** Whether a file (a bundler's id, with or without a query) is Sveltia's module. */
export const isSveltiaModule = (id: string): boolean => MODULE.test(id.split('?')[0]!);

/** Sveltia's module (its file and code) as it is bundled: its fonts its own, its CDN addresses checked. */
export const sveltiaCode = (file: string, code: string): string => rewriteSveltia(code, path.join(path.dirname(file), 'assets'));

const NOT_BUILT_ID = '\0portal-sveltia-not-built';

/**
 * The addresses of the prebuilt CMS and of our code that starts it (sveltia-prebuilt.ts), for
 * /admin/ to ask for them (none in the dev server, where Vite serves both).
 */
export interface CmsAddresses {
  cms: string;
  app: string;
}
export const CMS_MODULE = 'virtual:portal-cms-module';
const CMS_MODULE_ID = '\0portal-cms-module';

/**
 * `built: false` (a build without CMS settings, whose /admin/ only explains what to set and runs
 * no script that would load the CMS) leaves the CMS out altogether: bundling it is the larger part
 * of a small site's bundling step. `prebuilt`, the addresses of the CMS and of our code bundled
 * ahead of the build (sveltia-prebuilt.ts), makes the import of `@sveltia/cms` a request for the
 * CMS's file, and gives /admin/ both (CMS_MODULE).
 */
export default function sveltiaLocalAssets({ built, prebuilt }: { built: boolean; prebuilt?: CmsAddresses }): Plugin {
  return {
    name: 'portal-sveltia-local-assets',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === CMS_MODULE) return CMS_MODULE_ID;
      if (source === '@sveltia/cms' && !built) return NOT_BUILT_ID;
      if (source === '@sveltia/cms' && prebuilt) return { id: prebuilt.cms, external: true };
      if (leftOut(source, importer)) return UNUSED_ID;
      return null;
    },
    load(id) {
      if (id === CMS_MODULE_ID) return `export default ${JSON.stringify(prebuilt ?? null)};`;
      if (id === UNUSED_ID) return LEFT_OUT_CODE;
      if (id === NOT_BUILT_ID) return 'throw new Error("This build has no CMS settings (PORTAL_CMS_BACKEND): the CMS is not part of it.");';
      return null;
    },
    transform(code, id) {
      if (isSveltiaChinese(id)) return { code: sveltiaChinese(code), map: null };
      if (!isSveltiaModule(id)) return null;
      return { code: sveltiaCode(id.split('?')[0]!, code), map: null };
    },
  };
}
