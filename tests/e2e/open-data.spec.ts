import { createHash } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { datasetName, tableSchema, type DataPackage } from '../../src/model/open-data/datasets.ts';
import { diskRoot } from '../../src/input/disk-root.ts';
import { readPortalData, type PortalData } from '../../src/input/read.ts';
import { buildTime } from '../../src/astro/config.ts';
import { siteModel } from '../../src/model/site.ts';
import { TABLES, type TableDef, type TableName } from '../../src/input/schema/tables.ts';
import { readTable } from '../../src/input/table.ts';
import { DEMO } from './support/ports.ts';

const sites = [
  { name: 'real', base: '', root: '.' },
  { name: 'demo', base: DEMO, root: 'examples/demo' },
] as const;

const tables = Object.entries(TABLES) as [TableName, TableDef][];
const withoutLine = (rows: object[]) => rows.map(({ line: _line, ...row }: { line?: number }) => row);

async function bytesOf(request: APIRequestContext, url: string): Promise<Buffer> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.body();
}

for (const site of sites) {
  test.describe(`the ${site.name} site’s open data`, () => {
    // What the build was made from, with unpublished items removed: the downloads must be exactly this.
    const source: PortalData = siteModel(readPortalData(diskRoot(site.root)).data, buildTime());

    test('every dataset downloads as CSV that parses back to the same rows, and as the same JSON', async ({ request }) => {
      for (const [name, def] of tables) {
        const file = datasetName(def);
        const csv = await bytesOf(request, `${site.base}/data/${file}.csv`);
        expect([...csv.subarray(0, 3)], `${file}.csv starts with a BOM`).toEqual([0xef, 0xbb, 0xbf]);
        const back = readTable(def, csv);
        expect(back.problems, file).toEqual([]);
        const expected = withoutLine(source[name] as object[]);
        expect(withoutLine(back.rows), file).toEqual(expected);
        const json = JSON.parse((await bytesOf(request, `${site.base}/data/${file}.json`)).toString('utf8')) as Record<string, unknown>[];
        const defined = json.map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)));
        expect(defined, `${file}.json`).toEqual(expected);
      }
    });

    test('datapackage.json is generated from the build’s schemas and matches the files byte for byte', async ({ request }) => {
      const pkg = JSON.parse((await bytesOf(request, `${site.base}/data/datapackage.json`)).toString('utf8')) as DataPackage;
      expect(pkg.profile).toBe('tabular-data-package');
      expect(pkg.resources.map((r) => r.name)).toEqual(tables.map(([, def]) => datasetName(def)));
      for (const [i, resource] of pkg.resources.entries()) {
        const def = tables[i]![1];
        expect(resource.schema).toEqual(tableSchema(def));
        const bytes = await bytesOf(request, `${site.base}/data/${resource.path}`);
        expect(bytes.byteLength, resource.path).toBe(resource.bytes);
        expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`, resource.path).toBe(resource.hash);
        const header = bytes.subarray(3).toString('utf8').split('\r\n')[0]!.split(',');
        expect(header, resource.path).toEqual(resource.schema.fields.map((f) => f.name));
      }
    });

    test('the /data/ page lists every dataset with its fields in Chinese', async ({ page }) => {
      await page.goto(`${site.base}/data/`);
      await expect(page.locator('h1')).toHaveText('开放数据');
      const sections = page.getByTestId('dataset');
      await expect(sections).toHaveCount(tables.length);
      for (const [name, def] of tables) {
        const section = page.locator(`[data-testid="dataset"][data-name="${datasetName(def)}"]`);
        await expect(section.locator('h2')).toContainText(def.title);
        const schema = tableSchema(def);
        const fields = section.getByTestId('dataset-fields');
        await expect(fields.locator('tbody th[scope="row"]')).toHaveText(schema.fields.map((f) => f.name));
        await expect(fields.locator('tbody tr td:nth-of-type(1)')).toHaveText(schema.fields.map((f) => f.title));
        const rows = (source[name] as object[]).length;
        if (rows > 0) await expect(section.getByTestId('dataset-rows')).toHaveText(rows.toLocaleString('zh-CN'));
        else await expect(section).toContainText('暂无数据，文件中只有表头');
        await expect(section.getByTestId('dataset-csv')).toHaveAttribute('href', `/data/${datasetName(def)}.csv`);
      }
    });
  });
}

test('the real site publishes its still-empty tables with headers only, inventing nothing', async ({ request }) => {
  for (const file of ['energy', 'emissions', 'awards', 'nominations', 'teams']) {
    const text = (await bytesOf(request, `/data/${file}.csv`)).subarray(3).toString('utf8');
    expect(text.trim().split('\r\n'), file).toHaveLength(1);
  }
});
