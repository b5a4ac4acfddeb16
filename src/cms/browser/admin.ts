/**
 * The admin page's script: starts the CMS only where the build configured it (the page then
 * names its configuration), so an unconfigured /admin/ loads nothing more than this.
 */
const root = document.querySelector<HTMLElement>('[data-cms-config]');
if (root) void import('./start-cms.ts').then(({ startCms }) => startCms(root.dataset.cmsConfig!, root.dataset.cmsDemo));
