// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  // The public address; set PORTAL_SITE when deploying elsewhere.
  site: process.env.PORTAL_SITE ?? 'https://jzsbljj.example.org',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx()],
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  devToolbar: { enabled: false },
});
