// Builds the site the end-to-end tests run on besides the real one: the fictional demo campaign
// with tests/fixtures/demo-results laid over it, into dist-demo/. Run by `npm test`.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fixed folder per checkout (so Astro's content cache is reused), under examples/ so the site says 示例. */
export function e2eDemoRoot(project = process.cwd()): string {
  const id = crypto.createHash('sha256').update(path.resolve(project)).digest('hex').slice(0, 8);
  return path.join(os.tmpdir(), `sanbi-e2e-${id}`, 'examples', 'demo');
}

export const E2E_DEMO_DIST = 'dist-demo';

function main(): void {
  const root = e2eDemoRoot();
  fs.rmSync(root, { recursive: true, force: true });
  fs.cpSync('examples/demo', root, { recursive: true });
  fs.cpSync('tests/fixtures/demo-results', root, { recursive: true, filter: (src) => path.basename(src) !== 'README.md' });
  const result = spawnSync('astro', ['build', '--outDir', E2E_DEMO_DIST], {
    env: { ...process.env, PORTAL_CONTENT: root },
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
