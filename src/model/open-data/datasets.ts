import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PortalData } from '../../input/read.ts';
import { TABLES, type TableDef, type TableName } from '../../input/schema/tables.ts';
import { toCsv, type CsvValue } from './csv-file.ts';

/**
 * The public datasets under /data/: every table of data/, as CSV (the editors' own format, so a
 * downloaded file could be put back and would validate) and as JSON, described by a Frictionless
 * Data Package generated from the zod schemas that validate the build.
 */
export interface Dataset {
  /** Resource name and file stem: "zones" → zones.csv, zones.json. */
  name: string;
  table: TableName;
  def: TableDef;
  /** Published rows, columns in schema order, without the editors' line numbers. */
  rows: Record<string, unknown>[];
}

const LIST_SEPARATOR = '、';

export const datasetName = (def: TableDef) => def.file.replace(/\.csv$/, '');

/** Pass the site model (or any data that went through publish): drafts and future items are already gone. */
export function datasets(data: PortalData): Dataset[] {
  return (Object.entries(TABLES) as [TableName, TableDef][]).map(([table, def]) => {
    const names = Object.keys(def.schema.shape);
    const rows = (data[table] as Record<string, unknown>[]).map((row) => Object.fromEntries(names.map((n) => [n, row[n]])));
    return { name: datasetName(def), table, def, rows };
  });
}

function csvCell(value: unknown): CsvValue {
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  if (value === undefined || value === null) return null;
  return typeof value === 'number' ? value : String(value);
}

export function datasetCsv(set: Dataset): string {
  const names = Object.keys(set.def.schema.shape);
  return toCsv(names, set.rows.map((row) => names.map((n) => csvCell(row[n]))));
}

/** An array of row objects; every column present, null where the cell is empty; lists stay arrays. */
export function datasetJson(set: Dataset): string {
  const names = Object.keys(set.def.schema.shape);
  return `${JSON.stringify(set.rows.map((row) => Object.fromEntries(names.map((n) => [n, row[n] ?? null]))), null, 1)}\n`;
}

// --- Frictionless Table Schema ---------------------------------------------------------------

export type FieldType = 'string' | 'integer' | 'number' | 'date' | 'yearmonth';

export interface TableSchemaField {
  name: string;
  title: string;
  description?: string;
  type: FieldType;
  format?: string;
  constraints: {
    required?: boolean;
    unique?: boolean;
    enum?: string[];
    minimum?: number;
    maximum?: number;
    pattern?: string;
  };
}

export interface TableSchema {
  fields: TableSchemaField[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  missingValues: string[];
}

/** The exact patterns of the date and month cells (cells.ts): published as Table Schema's own types. */
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const YEAR_MONTH = '^\\d{4}-(0[1-9]|1[0-2])$';

/**
 * A JavaScript pattern as Table Schema wants it (XML Schema syntax, anchored implicitly), or
 * nothing when it uses syntax XML Schema lacks; the description then says what the cell holds.
 */
function xsdPattern(js: string): string | undefined {
  const body = js.replace(/^\^/, '').replace(/\$$/, '');
  return /\\[uUwWsSbB/]|\(\?/.test(body) ? undefined : body;
}

interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  enum?: string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

export function tableField(name: string, schema: z.ZodType, unique: boolean): TableSchemaField {
  const optional = schema instanceof z.ZodOptional;
  const inner = optional ? (schema as z.ZodOptional).unwrap() : schema;
  const json = z.toJSONSchema(inner as z.ZodType, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  const constraints: TableSchemaField['constraints'] = {};
  if (!optional) constraints.required = true;
  if (unique) constraints.unique = true;
  let type: FieldType = 'string';
  let format: string | undefined;
  switch (json.type) {
    case 'integer':
    case 'number':
      type = json.type;
      if (json.minimum !== undefined && json.minimum > Number.MIN_SAFE_INTEGER) constraints.minimum = json.minimum;
      if (json.maximum !== undefined && json.maximum < Number.MAX_SAFE_INTEGER) constraints.maximum = json.maximum;
      break;
    case 'array':
      // A list cell: the values joined with 、 in one cell (the description says so).
      break;
    default:
      if (json.enum) constraints.enum = json.enum;
      if (json.pattern === DATE) type = 'date';
      else if (json.pattern === YEAR_MONTH) type = 'yearmonth';
      else if (json.format === 'email') format = 'email';
      else if (json.pattern) {
        const pattern = xsdPattern(json.pattern);
        if (pattern) constraints.pattern = pattern;
      }
  }
  return {
    name,
    title: json.title ?? name,
    ...(json.description ? { description: json.description } : {}),
    type,
    ...(format ? { format } : {}),
    constraints,
  };
}

export function tableSchema(def: TableDef): TableSchema {
  const fields = Object.entries(def.schema.shape).map(([name, s]) =>
    tableField(name, s as z.ZodType, def.key.length === 1 && def.key[0] === name),
  );
  const foreignKeys = (def.references ?? []).map((r) => ({
    fields: [...r.fields],
    reference: { resource: datasetName(TABLES[r.table as TableName]), fields: [...r.to] },
  }));
  return { fields, primaryKey: [...def.key], ...(foreignKeys.length > 0 ? { foreignKeys } : {}), missingValues: [''] };
}

export interface DataPackage {
  profile: 'tabular-data-package';
  name: string;
  title: string;
  description: string;
  homepage?: string;
  resources: {
    profile: 'tabular-data-resource';
    name: string;
    path: string;
    title: string;
    format: 'csv';
    mediatype: 'text/csv';
    encoding: 'utf-8';
    dialect: { delimiter: ','; lineTerminator: '\r\n'; quoteChar: '"'; doubleQuote: true; header: true };
    bytes: number;
    hash: string;
    schema: TableSchema;
  }[];
}

export function dataPackage(sets: Dataset[], meta: { title: string; homepage?: string }): DataPackage {
  return {
    profile: 'tabular-data-package',
    name: 'sanbi-liangjiang-open-data',
    title: meta.title,
    description:
      '竞赛网站上公布的全部数据表。每个表有 CSV（UTF-8 带 BOM，Excel 可直接打开）和 JSON 两种格式，JSON 文件与 CSV 同名；多个值的单元格（如主办单位）在 CSV 中用顿号“、”分隔，在 JSON 中为数组。',
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    resources: sets.map((set) => {
      const bytes = new TextEncoder().encode(datasetCsv(set));
      return {
        profile: 'tabular-data-resource',
        name: set.name,
        path: `${set.name}.csv`,
        title: set.def.title,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        bytes: bytes.byteLength,
        hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
        schema: tableSchema(set.def),
      };
    }),
  };
}
