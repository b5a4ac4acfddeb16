// @ts-check
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import validateContent from './src/integrations/validate-content.ts';
import { defineConfig } from 'astro/config';
import remarkCjkFriendly from 'remark-cjk-friendly';

// Another content root (the demo, a test fixture) gets its own content cache, so builds of
// different roots never reuse each other's collections.
const contentRoot = process.env.PORTAL_CONTENT;
const cacheDir = contentRoot ? `./node_modules/.astro/roots/${contentRoot.replace(/[^a-zA-Z0-9]+/g, '-')}` : undefined;

export default defineConfig({
  cacheDir,
  // The public address; set PORTAL_SITE when deploying elsewhere.
  site: process.env.PORTAL_SITE ?? 'https://jzsbljj.example.org',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  markdown: {
    // CommonMark misses **强调** next to Chinese punctuation (“**（一）比管理水平。**严格…”);
    // SmartyPants would turn editors' quotation marks into English ones.
    processor: unified({ remarkPlugins: [remarkCjkFriendly], smartypants: false }),
    // No code listings on the portal; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
  },
  // validateContent first: a mistake in the editors' files stops the build before anything else runs.
  integrations: [validateContent(), mdx()],
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  devToolbar: { enabled: false },
});
