import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { adminConfig, zoneOptions } from '../../../src/cms/admin-config.ts';
import type { CmsField } from '../../../src/cms/fields.ts';
import { BODY_EDGES } from '../../../src/cms/frontmatter-format.ts';
import { CELL_WIDGET, FILE_NAME_FIELD, PHOTO_WIDGET, ROWS, STATUS_FIELD, csvFormatName } from '../../../src/cms/names.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { CONTENT, type ContentName } from '../../../src/input/schema/frontmatter.ts';
import { ID_PATTERN } from '../../../src/input/schema/patterns.ts';
import { TABLES, type TableName } from '../../../src/input/schema/tables.ts';

/**
 * The CMS configuration is generated from the schemas: every column of every table and every
 * frontmatter field has its widget, with the schema's label, requiredness and pattern.
 */
const demo = readPortalData('examples/demo').data;
const config = adminConfig({ backend: 'test-repo', branch: 'main' }, zoneOptions(demo.zones), 'https://example.org');
type Collection = { name: string; folder?: string; files?: { file: string; format: string; fields: CmsField[] }[]; fields?: CmsField[] };
const collections = config.collections.filter((c) => 'name' in c) as Collection[];
const byName = (name: string) => collections.find((c) => c.name === name)!;

function columns(table: TableName): CmsField[] {
  const file = byName(table).files![0]!;
  expect(file.fields).toHaveLength(1);
  expect(file.fields[0]!.name).toBe(ROWS);
  return file.fields[0]!.fields as CmsField[];
}
const column = (table: TableName, name: string) => columns(table).find((f) => f.name === name)!;
const field = (kind: ContentName, name: string) => byName(kind).fields!.find((f) => f.name === name)!;

describe('every schema field has its widget', () => {
  for (const [table, def] of Object.entries(TABLES) as [TableName, (typeof TABLES)[TableName]][]) {
    it(`table ${def.file}: a file collection of one CSV file, one list field, one widget per column`, () => {
      const file = byName(table).files![0]!;
      expect(file.file).toBe(`data/${def.file}`);
      expect(file.format).toBe(csvFormatName(table));
      const shape = def.schema.shape as Record<string, z.ZodType>;
      expect(columns(table).map((f) => f.name)).toEqual(Object.keys(shape));
      for (const [name, schema] of Object.entries(shape)) {
        const f = column(table, name);
        expect(f.widget, `${table}.${name}`).toMatch(/^(string|portal-cell|select|relation|datetime)$/);
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
  it('ids carry the id pattern and its Chinese message', () => {
    expect(column('enterprises', 'id').pattern).toEqual([ID_PATTERN.source, expect.stringContaining('编号只能用小写英文字母')]);
    expect(column('campaigns', 'report_deadline').pattern![0]).toBe('^\\d{4}-(0[1-9]|1[0-2])$');
  });

  it('enums are selects; numbers keep the schema’s bounds and are written back as text', () => {
    expect(column('zones', 'kind')).toMatchObject({ widget: 'select', options: ['county', 'industry'] });
    expect(column('zones', 'quota')).toMatchObject({ widget: CELL_WIDGET, table: 'zones', column: 'quota', numeric: 'integer', min: 0 });
    expect(column('energy', 'value')).toMatchObject({ widget: CELL_WIDGET, table: 'energy', column: 'value', numeric: 'number' });
    expect(field('workers', 'category')).toMatchObject({ widget: 'select', options: ['劳模', '工匠', '技术标兵'] });
    expect(field('news', 'year')).toMatchObject({ widget: 'number', value_type: 'int', min: 2000, max: 2100 });
  });

  it('dates are date pickers writing the day as the schema reads it', () => {
    expect(column('timeline', 'date')).toMatchObject({ widget: 'datetime', type: 'date', format: 'YYYY-MM-DD', required: false });
    expect(field('news', 'date')).toMatchObject({ widget: 'datetime', type: 'date', format: 'YYYY-MM-DD', required: true });
  });

  it('foreign keys are relations to the rows they name, followed to the enterprise’s name', () => {
    const enterprise = { widget: 'relation', collection: 'enterprises', file: 'enterprises', value_field: 'rows.*.id', display_fields: ['rows.*.name', 'rows.*.id'] };
    expect(column('participation', 'enterprise')).toMatchObject(enterprise);
    expect(column('teams', 'enterprise')).toMatchObject(enterprise);
    // energy → participation → enterprises
    expect(column('energy', 'enterprise')).toMatchObject(enterprise);
    expect(field('stories', 'enterprise')).toMatchObject(enterprise);
    expect(column('awards', 'category')).toMatchObject({ widget: 'relation', collection: 'awardCategories', value_field: 'rows.*.id' });
    expect(column('nominations', 'recipient')).toMatchObject({ widget: 'relation', collection: 'awards', value_field: 'rows.*.recipient' });
    expect(column('campaigns', 'notice')).toMatchObject({ widget: 'relation', collection: 'notices', value_field: '{{slug}}', display_fields: ['title'] });
    expect(column('zones', 'year')).toMatchObject({ widget: 'relation', collection: 'campaigns', value_field: 'rows.*.year' });
  });

  it('an enterprise’s zone is chosen among the zones and 市直; a news item’s among the zones only', () => {
    const values = (f: CmsField) => (f.options as { value: string }[]).map((o) => o.value);
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
    expect(byName('notices')).toMatchObject({ summary: '{{fields.year}} 年度 · {{fields.title}}' });
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
