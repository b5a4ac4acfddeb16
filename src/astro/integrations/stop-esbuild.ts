import type { AstroIntegration } from 'astro';
import { waitForChildren } from '../../search/build/pagefind-service.ts';

/**
 * Stops the esbuild service that Astro and Vite start, once the build is done, and waits until it
 * has been reaped: left running, it outlives the build as an orphan that nobody waits for, and
 * whose time no measure of the build sees.
 */
export default function stopEsbuild(): AstroIntegration {
  return {
    name: 'portal-stop-esbuild',
    hooks: {
      'astro:build:done': async () => {
        const esbuild = await import('esbuild');
        await esbuild.stop();
        await waitForChildren('esbuild');
      },
    },
  };
}
