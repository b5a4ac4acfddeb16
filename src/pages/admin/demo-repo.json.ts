import type { APIRoute } from 'astro';
import { config } from '../../astro/config.ts';
import { contentRootFiles } from '../../cms/demo-repo.ts';

/**
 * The demo's content root, which its CMS's test repository (the browser's own storage) starts
 * with, so a visitor can try every collection; null outside the demo.
 */
export const GET: APIRoute = () => {
  const { demo, cms, contentRoot } = config();
  const body = demo && cms?.backend === 'test-repo' ? contentRootFiles(contentRoot) : null;
  return new Response(`${JSON.stringify(body)}\n`, { headers: { 'content-type': 'application/json' } });
};
