import { startCms } from './start-cms.ts';

/**
 * The admin page's script, on the page only where the build configured the CMS (AdminCms.astro):
 * one entry with the start-up code, not a small loader that asks for it, so the first load waits
 * for one file fewer. An unconfigured /admin/ has no script at all.
 */
const root = document.querySelector<HTMLElement>('[data-cms-config]');
if (root) void startCms(root.dataset.cmsConfig!, root.dataset.cmsStyle!, root.dataset.cmsDemo);
