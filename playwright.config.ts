import { defineConfig } from '@playwright/test';
import { demoPort, port } from './tests/e2e/support/ports.ts';

// Debian's Chromium: Playwright cannot download its own browsers on these machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Serves an already-built site (npm test builds both first) as a plain static host would. */
const serve = (outDir: string, p: number) => ({
  command: `node tools/serve.ts ${outDir} ${p}`,
  url: `http://127.0.0.1:${p}/`,
  reuseExistingServer: false,
  timeout: 60_000,
});

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/support/scratch-dir.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    // The real 2019 campaign, built from the repository root into dist/.
    { name: 'real', testIgnore: /demo\//, use: { baseURL: `http://127.0.0.1:${port}` } },
    // The fictional demo campaign (examples/demo), built into dist-demo/. Tests in tests/e2e/site-wide/
    // run against both builds.
    { name: 'demo', testMatch: /((demo|site-wide)\/.*|all-pages)\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${demoPort}` } },
  ],
  webServer: [serve('dist', port), serve('dist-demo', demoPort)],
});
