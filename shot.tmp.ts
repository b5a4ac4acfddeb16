import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
for (const [name, url] of process.argv.slice(2).map((u, i) => [`s${i}`, u])) {
  await page.goto(`http://127.0.0.1:4391${url}`);
  await page.screenshot({ path: `/tmp/awards-${name}.png`, fullPage: true });
}
await browser.close();
