import { defineConfig } from '@playwright/test';
import { demoPort, port } from './tests/e2e/ports.ts';

// Debian's Chromium: Playwright cannot download its own browsers on these machines.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    {
      // Serves the already-built dist/ (npm test builds first).
      command: `astro preview --host 127.0.0.1 --port ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The demo campaign with its 2024 results (scripts/build-e2e-demo.ts), for the charts the real data cannot
      // show yet. Only one `astro preview` may run per project, so a small static server serves it.
      command: `node scripts/serve-static.mjs dist-demo ${demoPort}`,
      url: `http://127.0.0.1:${demoPort}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
