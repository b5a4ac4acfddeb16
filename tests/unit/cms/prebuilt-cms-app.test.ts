import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prebuiltCmsApp } from '../../../src/astro/integrations/cms-app-prebuilt.ts';

/** Our code on /admin/, bundled ahead of the build beside the CMS, kept while the code is unchanged. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prebuilt-cms-app-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ADDRESS = '/_astro/cms/sveltia-TEST.js';

describe('the prebuilt CMS start-up code', () => {
  it('imports the CMS by its address, starts the worker by its file, carries its style sheet, and is kept', async () => {
    const app = await prebuiltCmsApp(tmp, ADDRESS);
    const files = fs.readdirSync(app.dir);
    const code = Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(app.dir, f), 'utf8')]));
    const all = Object.values(code).join('\n');
    // The CMS by the address it has in the site, never by its package name.
    expect(all.includes(`import(\`${ADDRESS}\`)`) || all.includes(`import("${ADDRESS}")`), 'imports the CMS by its address').toBe(true);
    expect(/["'`]@sveltia\/cms["'`]/.test(all), 'names the package').toBe(false);
    // The worker by the name it was written with, which is a file of the bundle; no source left.
    const workers = [...all.matchAll(/new URL\([`"']\.\/([^`"']+)[`"'],import\.meta\.url\)/g)].map((m) => m[1]);
    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatch(/^check-worker-[\w-]+\.js$/);
    expect(files).toContain(workers[0]);
    expect(all.includes('check-worker.ts'), 'names the source').toBe(false);
    // In the worker, the entity decoder's plain build: its DOM build would ask for `document`.
    expect(/document\.createElement/.test(code[workers[0]!]!), 'asks the DOM').toBe(false);
    // The fields' style sheet as text, not a request for a .css file.
    expect(all.includes('portal-field-style') && all.includes('.portal-file-button'), 'carries the style sheet').toBe(true);
    expect(/\.css\?inline|from\s*["'`][^"'`]+\.css["'`]/.test(all), 'asks for a .css file').toBe(false);
    expect(app.entry).toMatch(/^admin-[\w-]+\.js$/);

    // Kept: the same folder, not written again.
    fs.writeFileSync(path.join(app.dir, 'mark'), '');
    const again = await prebuiltCmsApp(tmp, ADDRESS);
    expect(again).toEqual(app);
    expect(fs.existsSync(path.join(app.dir, 'mark'))).toBe(true);
    // Another CMS address is another bundle, and the old one goes.
    const other = await prebuiltCmsApp(tmp, '/_astro/cms/sveltia-OTHER.js');
    expect(other.dir).not.toBe(app.dir);
    expect(fs.existsSync(app.dir)).toBe(false);
  }, 120_000);
});
