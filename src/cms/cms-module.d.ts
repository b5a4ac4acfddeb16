/** The addresses of the CMS and of our code that starts it, bundled ahead of the build (src/astro/integrations/sveltia-prebuilt.ts), or null in the dev server. */
declare module 'virtual:portal-cms-module' {
  const addresses: { cms: string; app: string } | null;
  export default addresses;
}
