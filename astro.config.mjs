// @ts-check
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import chartFiles from './src/astro/integrations/chart-files.ts';
import ogImages from './src/astro/integrations/og-images.ts';
import qrImages from './src/astro/integrations/qr-images.ts';
import validateContent from './src/astro/integrations/validate-content.ts';
import stopEsbuild from './src/astro/integrations/stop-esbuild.ts';
import { buildCacheDir, config, contentCacheDir } from './src/astro/config.ts';
import documentFiles from './src/astro/integrations/document-files.ts';
import { MAX_IMAGE_PIXELS } from './src/input/uploads/image.ts';
import { defineConfig } from 'astro/config';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { EARLY_SCRIPT } from './src/browser/early-script.ts';
import rehypeSanitizeBody from './src/astro/markdown/rehype-sanitize-body.ts';
import { writeHeaders } from './src/astro/integrations/security-headers.ts';
import rehypeExternalLinks from './src/astro/markdown/rehype-external-links.ts';
import sveltiaCms from './src/astro/integrations/sveltia-prebuilt.ts';
import { PLAIN_IN_WORKER } from './src/astro/integrations/cms-app-prebuilt.ts';

// Every PORTAL_* variable is checked here, before anything is built (src/astro/config.ts).
const { contentRoot, site, cms } = config();

/**
 * Writes the pages' Content-Security-Policy, with the other security headers, as dist/_headers and
 * as the nginx include deploy/nginx.conf reads (src/astro/integrations/security-headers.ts).
 * @returns {import('astro').AstroIntegration}
 */
function securityHeaders() {
  return {
    name: 'portal-security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeHeaders(fileURLToPath(dir));
      },
    },
  };
}

export default defineConfig({
  cacheDir: contentCacheDir(contentRoot),
  // The public address; set PORTAL_SITE when deploying elsewhere.
  site,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  markdown: {
    // CommonMark misses **强调** next to Chinese punctuation (“**（一）比管理水平。**严格…”);
    // SmartyPants would turn editors' quotation marks into English ones.
    // HTML in a body is cut down to the list `npm run validate` enforces (src/input/markup/html-schema.ts),
    // before links to other sites get rel="noopener".
    processor: unified({ remarkPlugins: [remarkCjkFriendly], rehypePlugins: [rehypeSanitizeBody, [rehypeExternalLinks, { site }]], smartypants: false }),
    // No code listings on the portal; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
  },
  // validateContent first: a mistake in the editors' files stops the build before anything else runs;
  // the sitemap lists every built page, and so nothing unpublished (drafts and future items get no page);
  // chartFiles writes each chart's CSV; ogImages the link-preview pictures; qrImages the printed pages' QR codes; securityHeaders reads the finished pages' policy;
  // sveltiaCms puts the CMS at /admin/, bundled once per version with its own fonts instead of a CDN's.
  // The search index is not made here but by `npm run build`'s next step (tools/search-index.ts, run by tools/build.ts), in
  // its own process, so that it never holds its memory while Astro still holds the site's.
  integrations: [validateContent(), mdx(), sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/admin/') }), documentFiles(), chartFiles(), ogImages(), qrImages(), securityHeaders(), sveltiaCms({ built: Boolean(cms), cacheDir: buildCacheDir(contentRoot) }), stopEsbuild()],
  // Pages whose getStaticPaths gives a cacheKey (src/astro/cache-key.ts) and whose key, code and
  // content are as in the last build are copied from the cache (cacheDir) instead of rendered again.
  experimental: { incrementalBuild: true },
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      // The search worker compiles Pagefind's WebAssembly; 'self' stays, Astro adds its hashes.
      // The early script in <head> is inline and not Astro's to hash: its hash is given here.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [`sha256-${createHash('sha256').update(EARLY_SCRIPT).digest('base64')}`] },
    },
  },
  // The search worker is an ES module (it imports Pagefind's module at run time).
  // The benchmarks' generated sites (.bench/, tens of thousands of files) are no source to watch.
  // The CMS's save check runs in a worker (src/cms/browser/check-worker.ts), where there is no
  // `document`: in the dev server, modules whose browser build asks the DOM get their plain build,
  // as in the build's own bundle of it (src/astro/integrations/cms-app-prebuilt.ts).
  vite: { worker: { format: 'es', plugins: () => [workerWithoutDom()] }, server: { watch: { ignored: ['**/.bench/**', '**/dist/**', '**/dist-demo/**'] } } },
  devToolbar: { enabled: false },
  // Pictures go through sharp with the same pixel limit `npm run validate` enforces, and a picture
  // sharp cannot process stops the build: Astro's own service would publish the original instead.
  image: { service: { entrypoint: './src/astro/image-service.ts', config: { limitInputPixels: MAX_IMAGE_PIXELS } } },
});

/**
 * Modules whose browser build needs a DOM, resolved to their plain build inside workers.
 * @returns {import('vite').Plugin}
 */
function workerWithoutDom() {
  return { name: 'portal-worker-without-dom', enforce: 'pre', resolveId: (source) => PLAIN_IN_WORKER.get(source) };
}
