/** The address of the CMS bundled once per version (src/astro/integrations/sveltia-local-assets.ts), or ''. */
declare module 'virtual:portal-cms-module' {
  const address: string;
  export default address;
}
