import type { z } from 'zod';
import { CONTENT, type ContentName } from '../input/schema/frontmatter.ts';
import { ID_ERROR, ID_PATTERN } from '../input/schema/patterns.ts';
import { CITY_GROUP, TABLES, type TableName } from '../input/schema/tables.ts';
import { BODY_EDGES, exactFrontmatter } from './frontmatter-format.ts';
import { urls } from '../model/urls.ts';
import { LARGEST_PORTRAIT } from '../model/portrait.ts';
import { csvFormatName, FILE_NAME_FIELD, FILE_NAME_WIDGET, PHOTO_WIDGET, ROWS, STATUS_FIELD, TABLE_WIDGET } from './names.ts';
import { columnField, frontmatterField, type Choice, type CmsField } from './fields.ts';

/**
 * Every kind of editors' file as a Sveltia CMS collection, generated from src/input/schema/, the
 * same schemas that validate the build and describe the open data: a table is a file collection
 * of one file whose rows are one list field (saved by the `csv` format of csv-format.ts); a kind
 * of Markdown is a folder collection.
 */


/** A zone an enterprise can belong to: a zone of data/zones.csv, or the city-level group. */
export interface ZoneOption {
  id: string;
  name: string;
}

export const CITY_OPTION: ZoneOption = { id: CITY_GROUP, name: '市直' };

const fileOf = (table: TableName) => ({ collection: table, file: table });

/**
 * Follows a foreign key to the column that finally holds the value (energy.enterprise →
 * participation.enterprise → enterprises.id), so the picker lists names, not ids of ids.
 */
export function referencedColumn(table: TableName, column: string): { table: TableName; column: string } | undefined {
  const ref = TABLES[table].references?.find((r) => r.fields.includes(column as never));
  if (!ref) return undefined;
  const to = { table: ref.table as TableName, column: ref.to[ref.fields.indexOf(column as never)]! };
  return referencedColumn(to.table, to.column) ?? to;
}

function relationTo(table: TableName, column: string): Choice {
  const shape = TABLES[table].schema.shape as Record<string, unknown>;
  const display = 'name' in shape && column === 'id' ? [`${ROWS}.*.name`, `${ROWS}.*.${column}`] : [`${ROWS}.*.${column}`];
  return { kind: 'relation', ...fileOf(table), value: `${ROWS}.*.${column}`, display };
}

const zoneChoice = (zones: readonly ZoneOption[]): Choice => ({
  kind: 'options',
  options: zones.map((z) => ({ label: `${z.name}（${z.id}）`, value: z.id })),
});

function columnChoice(table: TableName, column: string, zones: readonly ZoneOption[]): Choice | undefined {
  // The zone of an enterprise is checked by a rule (rules.ts), not a foreign key: it may be the
  // city-level group, which is no row of zones.csv. See zoneOptions in admin-config.ts.
  if (table === 'enterprises' && column === 'zone') return zoneChoice([...zones, CITY_OPTION]);
  // A campaign names its notice by file name (rules.ts checks it): a pick of content/notices/.
  if (table === 'campaigns' && column === 'notice') return { kind: 'relation', collection: 'notices', value: '{{slug}}', display: ['title'] };
  const to = referencedColumn(table, column);
  return to ? relationTo(to.table, to.column) : undefined;
}

/**
 * What the tables held at build time, to suggest in a column that names a row of another table
 * (the table view cannot ask the CMS for another file's rows; the check at build time and the
 * validation still judge whatever is typed).
 */
export interface KnownRows {
  tables: Partial<Record<TableName, readonly Record<string, unknown>[]>>;
  notices: readonly string[];
}

function suggestions(choice: Choice | undefined, known: KnownRows | undefined): { label: string; value: string }[] | undefined {
  if (choice?.kind !== 'relation' || !known) return undefined;
  if (choice.collection === 'notices') return known.notices.map((id) => ({ label: id, value: id }));
  const column = choice.value.replace(`${ROWS}.*.`, '');
  const seen = new Map<string, string>();
  for (const row of known.tables[choice.collection as TableName] ?? []) {
    const value = String(row[column] ?? '');
    if (value && !seen.has(value)) seen.set(value, typeof row.name === 'string' ? `${row.name}（${value}）` : value);
  }
  return [...seen].map(([value, label]) => ({ label, value }));
}

/** A column of the table view (browser/table-field.ts): its label, hint, fixed options or suggestions. */
function tableColumn(field: CmsField, choice: Choice | undefined, known: KnownRows | undefined) {
  const options = field.widget === 'select' ? (field.options as (string | { label: string; value: string })[]) : undefined;
  const suggest = suggestions(choice, known);
  return { name: field.name, label: field.label, required: field.required, ...(field.hint ? { hint: field.hint } : {}), ...(options ? { options } : {}), ...(suggest ? { suggest } : {}) };
}

export function tableCollection(table: TableName, zones: readonly ZoneOption[], known?: KnownRows) {
  const def = TABLES[table];
  const columns = Object.entries(def.schema.shape as Record<string, z.ZodType>).map(([name, schema]) => {
    const choice = columnChoice(table, name, zones);
    const field = columnField(name, schema, choice);
    return tableColumn(field, choice, known);
  });
  return {
    name: table,
    label: def.title,
    description: `数据表 data/${def.file}（一行一条，可在 Excel 中打开同一个文件）`,
    icon: 'table',
    files: [
      {
        name: table,
        label: def.title,
        file: `data/${def.file}`,
        format: csvFormatName(table),
        // The whole width for the table: the preview pane would show only the table's name.
        editor: { preview: false },
        // Rows as rows and columns as columns, checked as the build reads the table (browser/table-field.ts).
        fields: [{ name: ROWS, label: def.title, widget: TABLE_WIDGET, table, columns, hint: `${def.title}，一行一条；点列名排序，在“查找”里按名称或编号找行` }],
      },
    ],
  };
}

/**
 * How each kind of Markdown is edited, and where its page is (src/model/urls.ts, with the file
 * name as Sveltia's {{slug}}). Stories and notices keep their body byte for byte.
 */
const MARKDOWN = {
  notices: { icon: 'gavel', body: 'text', create: false, identifier: 'title', extension: 'md', page: urls.notice },
  decisions: { icon: 'workspace_premium', body: 'text', create: true, identifier: 'title', extension: 'md', page: urls.decision },
  news: { icon: 'newspaper', body: 'markdown', create: true, identifier: 'title', extension: 'md', page: urls.news },
  stories: { icon: 'lightbulb', body: 'text', create: true, identifier: 'title', extension: 'mdx', page: urls.story },
  workers: { icon: 'person', body: 'markdown', create: true, identifier: 'name', extension: 'md', page: urls.worker },
} as const satisfies Record<ContentName, unknown>;

/**
 * A list line: the status (草稿, 定时发布（日期）, 已发布; computed in the browser by
 * src/cms/entry-status.ts, the build's own gate), the date, the title; newest first. A year is read
 * as a date and written back as its year: Sveltia shows a bare number field as "2,024", and a
 * `date` transformation is the one that takes the value as it is.
 */
function listing(kind: ContentName) {
  const names = Object.keys(CONTENT[kind].schema.shape);
  const has = (n: string) => names.includes(n);
  const parts = [has('draft') ? `{{fields.${STATUS_FIELD}}}` : '', has('date') ? '{{fields.date}}' : has('year') ? "{{fields.year | date('YYYY')}} 年度" : '', `{{fields.${MARKDOWN[kind].identifier}}}`];
  const sortable = names.filter((n) => ['date', 'title', 'name', 'year'].includes(n));
  const newest = ['date', 'year'].find(has);
  return {
    summary: parts.filter(Boolean).join(' · '),
    sortable_fields: newest ? { fields: sortable, default: { field: newest, direction: 'descending' } } : sortable,
  };
}

const BODY_HINT: Record<string, string> = {
  markdown: '正文。段落之间空一行；不要写手机号、身份证号、家庭住址等个人信息',
  text: '正文（原样保存）。段落之间空一行；MDX 中不要用英文尖括号 < > 和花括号 { }',
};

function frontmatterChoice(kind: ContentName, name: string, zones: readonly ZoneOption[], known?: KnownRows): Choice | undefined {
  // A pick among the enterprises of the tables at build time (the table is edited as a table,
  // browser/table-field.ts, which a relation cannot look into); the check judges any value.
  if (name === 'enterprise') {
    const options = suggestions(relationTo('enterprises', 'id'), known);
    return options ? { kind: 'options', options } : undefined;
  }
  // A news item's zone is a zone (rules.ts), never the city-level group.
  if (kind === 'news' && name === 'zone') return zoneChoice(zones);
  return undefined;
}

function frontmatterFields(kind: ContentName, zones: readonly ZoneOption[], known?: KnownRows): CmsField[] {
  const shape = CONTENT[kind].schema.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, schema]) => {
    const field = frontmatterField(name, schema, frontmatterChoice(kind, name, zones, known));
    if (name === 'draft') {
      // New items are saved as drafts (admin.ts): nothing is published before an editor says so.
      // No `default` here: Sveltia would also write it into existing files that have no draft line.
      return { ...field, hint: '打开时是草稿，不发布。新建的条目第一次保存时总是草稿；写完、核对无误后关掉这一项再保存，网站才会发布' };
    }
    if (kind === 'workers' && name === 'photo') {
      // Beside the profile, in content/workers/photos/, written as ./photos/name.webp; shrunk in
      // the browser to the widest source a page takes (src/model/portrait.ts).
      return {
        ...field,
        widget: PHOTO_WIDGET,
        media_folder: 'photos',
        public_folder: './photos',
        accept: 'image/jpeg,image/png,image/webp',
        media_libraries: { default: { config: { transformations: { raster_image: { format: 'webp', quality: 80, width: LARGEST_PORTRAIT } } } } },
      };
    }
    return field;
  });
}

export function markdownCollection(kind: ContentName, zones: readonly ZoneOption[], known?: KnownRows) {
  const def = CONTENT[kind];
  const how = MARKDOWN[kind];
  const fileName: CmsField = {
    name: FILE_NAME_FIELD,
    label: '文件名（网页地址）',
    widget: FILE_NAME_WIDGET,
    kind,
    required: false,
    hint: '新建时按标题的拼音自动填写，可以改短；只能用小写英文字母、数字和连字符“-”。保存后不能再改',
  };
  return {
    name: kind,
    label: def.title,
    description: `content/${def.dir}/ 下的文件，一篇一个`,
    icon: how.icon,
    folder: `content/${def.dir}`,
    extension: how.extension,
    // The format that keeps a body byte for byte (frontmatter-format.ts), and gives the list its status.
    format: exactFrontmatter(how.extension),
    create: how.create,
    identifier_field: how.identifier,
    // Only new files are named (by the file-name field); existing ones keep their names.
    ...(how.create ? { slug: { template: `{{fields.${FILE_NAME_FIELD}}}`, editable: false, pattern: [ID_PATTERN.source, ID_ERROR] } } : {}),
    ...listing(kind),
    // 在线查看 opens the entry's page on the site (the admin page's own origin: start-cms.ts).
    preview_path: how.page('{{slug}}'),
    fields: [
      ...(how.create ? [fileName] : []),
      ...frontmatterFields(kind, zones, known),
      { name: 'body', label: '正文', widget: how.body, required: false, hint: BODY_HINT[how.body] },
      { name: BODY_EDGES, label: BODY_EDGES, widget: 'hidden' },
      ...('draft' in def.schema.shape ? [{ name: STATUS_FIELD, label: '状态', widget: 'hidden' }] : []),
    ],
  };
}

export function collections(zones: readonly ZoneOption[], known?: KnownRows) {
  return [
    ...(Object.keys(CONTENT) as ContentName[]).map((kind) => markdownCollection(kind, zones, known)),
    { divider: true },
    ...(Object.keys(TABLES) as TableName[]).map((table) => tableCollection(table, zones, known)),
  ];
}
