import { defineMiddleware } from 'astro:middleware';
import { ADMIN_DIR, ownHashesOnly } from './astro/integrations/security-headers.ts';

/**
 * Each page's Content-Security-Policy is cut to the hashes of its own inline scripts and styles as
 * the page is rendered (Astro writes those of the whole site into every page). Done here rather
 * than on the written files: each page is written once, and a page Astro's incremental build takes
 * from its cache is already cut. The CMS at /admin/ keeps its policy (a program that makes its
 * styles as it runs).
 */
export const onRequest = defineMiddleware(async ({ url }, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html') || url.pathname.startsWith(`/${ADMIN_DIR}/`)) return response;
  return new Response(ownHashesOnly(await response.text()), response);
});
