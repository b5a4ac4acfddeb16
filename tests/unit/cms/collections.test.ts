import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { adminConfig, zoneOptions } from '../../../src/cms/admin-config.ts';
import type { CmsField } from '../../../src/cms/fields.ts';
import { BODY_EDGES } from '../../../src/cms/frontmatter-format.ts';
import { FILE_NAME_FIELD, PHOTO_WIDGET, ROWS, STATUS_FIELD, TABLE_WIDGET, csvFormatName } from '../../../src/cms/names.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { CONTENT, type ContentName } from '../../../src/input/schema/frontmatter.ts';
import { TABLES, type TableName } from '../../../src/input/schema/tables.ts';

/**
 * The CMS configuration is generated from the schemas: every column of every table and every
 * frontmatter field has its widget, with the schema's label, requiredness and pattern.
 */
const demo = readPortalData(diskRoot('examples/demo')).data;
const known = { tables: Object.fromEntries((Object.keys(TABLES) as TableName[]).map((t) => [t, demo[t]])), notices: demo.content.notices.map((n) => n.id) };
const config = adminConfig({ backend: 'test-repo', branch: 'main' }, zoneOptions(demo.zones), 'https://example.org', false, known);
type Collection = { name: string; folder?: string; files?: { file: string; format: string; fields: CmsField[] }[]; fields?: CmsField[] };
type Column = { name: string; label: string; required: boolean; options?: unknown[]; suggest?: { label: string; value: string }[] };
const collections = config.collections.filter((c) => 'name' in c) as Collection[];
const byName = (name: string) => collections.find((c) => c.name === name)!;

function columns(table: TableName): Column[] {
  const file = byName(table).files![0]!;
  expect(file.fields).toHaveLength(1);
  expect(file.fields[0]).toMatchObject({ name: ROWS, widget: TABLE_WIDGET, table });
  return file.fields[0]!.columns as Column[];
}
const column = (table: TableName, name: string) => columns(table).find((f) => f.name === name)!;
const field = (kind: ContentName, name: string) => byName(kind).fields!.find((f) => f.name === name)!;

describe('every schema field has its widget', () => {
  for (const [table, def] of Object.entries(TABLES) as [TableName, (typeof TABLES)[TableName]][]) {
    it(`table ${def.file}: a file collection of one CSV file shown as a table, one column per schema column`, () => {
      const file = byName(table).files![0]!;
      expect(file.file).toBe(`data/${def.file}`);
      expect(file.format).toBe(csvFormatName(table));
      const shape = def.schema.shape as Record<string, z.ZodType>;
      expect(columns(table).map((f) => f.name)).toEqual(Object.keys(shape));
      for (const [name, schema] of Object.entries(shape)) {
        const f = column(table, name);
        const own = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
        expect(f.label, `${table}.${name}`).toBe((own.meta() as { title: string }).title);
        expect(f.required, `${table}.${name}`).toBe(!(schema instanceof z.ZodOptional));
      }
    });
  }

  for (const kind of Object.keys(CONTENT) as ContentName[]) {
    it(`Markdown ${kind}: a folder collection, one widget per frontmatter field, and the body`, () => {
      const c = byName(kind);
      expect(c.folder).toBe(`content/${CONTENT[kind].dir}`);
      const names = c.fields!.map((f) => f.name).filter((n) => n !== FILE_NAME_FIELD && n !== BODY_EDGES && n !== STATUS_FIELD);
      expect(names).toEqual([...Object.keys(CONTENT[kind].schema.shape), 'body']);
      for (const f of c.fields!) expect(f.widget, `${kind}.${f.name}`).toBeTruthy();
    });
  }
});

describe('the widgets follow the schema', () => {
  it('enums are selects; numbers keep the schema’s bounds and are written back as text', () => {
    expect(column('zones', 'kind')).toMatchObject({ options: [{ value: 'county', label: '县市区（county）' }, { value: 'industry', label: '产业工会（industry）' }] });
    expect(field('workers', 'category')).toMatchObject({ widget: 'select', options: ['劳模', '工匠', '技术标兵'] });
    expect(field('news', 'year')).toMatchObject({ widget: 'number', value_type: 'int', min: 2000, max: 2100 });
  });

  it('dates are date pickers writing the day as the schema reads it', () => {
    expect(field('news', 'date')).toMatchObject({ widget: 'datetime', type: 'date', format: 'YYYY-MM-DD', required: true });
  });

  it('a story’s or worker’s enterprise is picked among the enterprises, by name', () => {
    const e = demo.enterprises[0]!;
    expect(field('stories', 'enterprise')).toMatchObject({ widget: 'select' });
    expect(field('workers', 'enterprise').options).toContainEqual({ label: `${e.name}（${e.id}）`, value: e.id });
  });

  it('a table column that names rows of another table suggests them (followed to the enterprise), by name', () => {
    const values = (table: TableName, name: string) => column(table, name).suggest!.map((o) => o.value);
    const firstEnterprise = demo.enterprises[0]!;
    expect(column('participation', 'enterprise').suggest).toContainEqual({ value: firstEnterprise.id, label: `${firstEnterprise.name}（${firstEnterprise.id}）` });
    // energy → participation → enterprises
    expect(values('energy', 'enterprise')).toEqual(demo.enterprises.map((e) => e.id));
    expect(values('awards', 'category')).toEqual([...new Set(demo.awardCategories.map((c) => c.id))]);
    expect(values('campaigns', 'notice')).toEqual(demo.content.notices.map((n) => n.id));
    expect(values('zones', 'year')).toEqual(demo.campaigns.map((c) => String(c.year)));
  });

  it('an enterprise’s zone is chosen among the zones and 市直; a news item’s among the zones only', () => {
    const values = (f: { options?: unknown } | CmsField) => (f.options as { value: string }[]).map((o) => o.value);
    expect(values(column('enterprises', 'zone'))).toEqual(['dongcheng', 'xishan', 'jiaotong', 'beihu', 'city']);
    expect(column('enterprises', 'zone').options).toContainEqual({ label: '市直（city）', value: 'city' });
    expect(values(field('news', 'zone'))).toEqual(['dongcheng', 'xishan', 'jiaotong', 'beihu']);
  });

  it('stories and notices keep their body byte for byte; worker photos go beside the profiles', () => {
    expect(field('stories', 'body').widget).toBe('text');
    expect(byName('stories')).toMatchObject({ extension: 'mdx', format: 'exact-mdx-frontmatter' });
    expect(byName('news')).toMatchObject({ extension: 'md', format: 'exact-md-frontmatter' });
    expect(field('notices', 'body').widget).toBe('text');
    expect(field('news', 'body').widget).toBe('markdown');
    expect(field('workers', 'photo')).toMatchObject({
      widget: PHOTO_WIDGET,
      media_folder: 'photos',
      public_folder: './photos',
      // Shrunk in the browser to the widest source the worker's page takes.
      media_libraries: { default: { config: { transformations: { raster_image: { format: 'webp', width: 972 } } } } },
    });
    // No stock-photo services: they need API keys and load from other sites.
    expect(config.media_libraries).toEqual({ stock_assets: false });
    expect(config.media_folder).toBe('files');
  });

  it('lists say each entry’s status and date, newest first, and link to its page on the site', () => {
    expect(byName('news')).toMatchObject({
      summary: `{{fields.${STATUS_FIELD}}} · {{fields.date}} · {{fields.title}}`,
      sortable_fields: { default: { field: 'date', direction: 'descending' } },
      preview_path: '/news/{{slug}}/',
    });
    expect(byName('workers')).toMatchObject({ summary: `{{fields.${STATUS_FIELD}}} · {{fields.name}}`, preview_path: '/workers/{{slug}}/' });
    // A year through the date transformation: Sveltia would show the bare number as "2,024".
    expect(byName('notices')).toMatchObject({ summary: "{{fields.year | date('YYYY')}} 年度 · {{fields.title}}" });
    expect(field('stories', STATUS_FIELD).widget).toBe('hidden');
  });

  it('new files are named by the pinyin field; notices are not created here', () => {
    expect(byName('news')).toMatchObject({ create: true, slug: { template: `{{fields.${FILE_NAME_FIELD}}}` } });
    expect(byName('notices')).toMatchObject({ create: false });
    expect(byName('notices').fields!.map((f) => f.name)).not.toContain(FILE_NAME_FIELD);
  });

  it('an empty optional field is left out, never written as an empty value the schema refuses', () => {
    expect(config.output).toEqual({ omit_empty_optional_fields: true });
    expect(config.load_config_file).toBe(false);
  });
});

describe('the CMS’s title', () => {
  it('says 示例 on the demo, whose banner the CMS covers, and not on the real site', () => {
    const title = (demoSite: boolean) => adminConfig({ backend: 'test-repo', branch: 'main' }, [], 'https://example.org', demoSite).app_title;
    expect(title(true)).toBe('【示例】“三比两降”竞赛门户 网站后台');
    expect(title(false)).not.toContain('示例');
  });
});
