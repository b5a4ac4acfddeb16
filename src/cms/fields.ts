import { z } from 'zod';
import { INVISIBLE_IN_GENERAL, VISIBLE_ONLY } from '../input/invisible.ts';
import { tableField, type TableSchemaField } from '../model/open-data/datasets.ts';

/**
 * One editor's field as Sveltia CMS draws it, made from the same zod schema that validates it:
 * label, hint, required, pattern, options. Plain data (JSON): the admin page receives it as is.
 */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  pattern?: [string, string];
  [option: string]: unknown;
}

/** Where a field's value must come from, when the schema alone does not say (foreign keys). */
export type Choice =
  | { kind: 'relation'; collection: string; file?: string; value: string; display: string[] }
  | { kind: 'options'; options: { label: string; value: string }[] };

/** The hint under a field: the schema's description and its example. */
export function hintOf(description?: string, example?: string): string | undefined {
  const parts = [description, example ? `例如：${example}` : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join('；') : undefined;
}

/** The pattern as Sveltia wants it: the regular expression's source and the schema's own message. */
function patternOf(schema: z.ZodType): [string, string] | undefined {
  for (const check of checksOf(schema)) {
    const def = (check as { _zod?: { def?: { format?: string; pattern?: RegExp; error?: unknown } } })._zod?.def;
    // Invisible characters are named in validate's report; the CMS can only say what they are.
    if (def?.format === 'regex' && def.pattern?.source === VISIBLE_ONLY.source) return [def.pattern.source, INVISIBLE_IN_GENERAL];
    if (def?.format === 'regex' && def.pattern) return [def.pattern.source, messageOf(check) ?? '格式不对'];
  }
  return undefined;
}

function checksOf(schema: z.ZodType): unknown[] {
  const def = (schema as { _zod: { def: { checks?: unknown[]; in?: z.ZodType; out?: z.ZodType; innerType?: z.ZodType } } })._zod.def;
  const inner = def.innerType ?? def.out;
  return [...(def.checks ?? []), ...(inner ? checksOf(inner) : [])];
}

/** The message a check was given (`{ error: '…' }`), found by running it on a value it refuses. */
function messageOf(check: unknown): string | undefined {
  const result = z.string().check(check as z.core.$ZodCheck<string>).safeParse('\u0000');
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** A date cell or field: a date picker that writes the text the schema reads, 2019-04-30. */
const DATE = { widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' } as const;

/** One CSV column. Every cell stays text, as in the file: numbers are written back as typed. */
export function columnField(name: string, schema: z.ZodType, choice?: Choice): CmsField {
  const column = tableField(name, schema, false);
  const base = {
    name,
    label: column.title,
    required: column.constraints.required === true,
    ...(hintFor(column, schema) ? { hint: hintFor(column, schema) } : {}),
  };
  if (choice) return { ...base, ...choiceWidget(choice) };
  const { constraints } = column;
  if (constraints.enum) return { ...base, widget: 'select', options: enumOptions(constraints.enum, unwrap(schema).meta.labels) };
  switch (column.type) {
    case 'integer':
    case 'number':
      return {
        ...base,
        widget: 'number',
        value_type: column.type === 'integer' ? 'int/string' : 'float/string',
        ...(constraints.minimum !== undefined ? { min: constraints.minimum } : {}),
        ...(constraints.maximum !== undefined ? { max: constraints.maximum } : {}),
      };
    case 'date':
      return { ...base, ...DATE };
    default: {
      const pattern = patternOf(schema);
      return { ...base, widget: 'string', ...(pattern ? { pattern } : {}) };
    }
  }
}

function hintFor(column: TableSchemaField, schema: z.ZodType): string | undefined {
  return hintOf(column.description, unwrap(schema).meta.example);
}

function choiceWidget(choice: Choice): { widget: string; [option: string]: unknown } {
  if (choice.kind === 'options') return { widget: 'select', options: choice.options };
  return {
    widget: 'relation',
    collection: choice.collection,
    ...(choice.file ? { file: choice.file } : {}),
    value_field: choice.value,
    display_fields: choice.display,
    search_fields: choice.display,
  };
}

type Meta = { title?: string; description?: string; example?: string; labels?: Record<string, string> };

/** A code with its meaning where the schema gives one (cells.ts oneOf): "县市区（county）". */
const enumOptions = (values: string[], labels?: Record<string, string>) =>
  labels ? values.map((value) => ({ value, label: `${labels[value] ?? value}（${value}）` })) : values;

const metaOf = (schema: z.ZodType): Meta => ((schema.meta() as Meta | undefined) ?? {});

/** Unwraps .optional() and .default(): the field's own type, and whether it may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean; meta: Meta } {
  let inner = schema;
  let required = true;
  let meta = metaOf(schema);
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
    required = false;
    inner = inner.unwrap() as z.ZodType;
    meta = { ...metaOf(inner), ...meta };
  }
  return { inner, required, meta };
}

/** A frontmatter field, from its zod schema: YAML keeps numbers, lists and booleans as such. */
export function frontmatterField(name: string, schema: z.ZodType, choice?: Choice): CmsField {
  const { inner, required, meta } = unwrap(schema);
  const hint = hintOf(meta.description, meta.example);
  const base = { name, label: meta.title ?? name, required, ...(hint ? { hint } : {}) };
  if (choice) return { ...base, ...choiceWidget(choice) };
  if (inner instanceof z.ZodBoolean) return { ...base, widget: 'boolean' };
  if (inner instanceof z.ZodEnum) return { ...base, widget: 'select', options: inner.options as string[] };
  if (inner instanceof z.ZodNumber) {
    const json = z.toJSONSchema(inner) as { minimum?: number; maximum?: number };
    return { ...base, widget: 'number', value_type: 'int', min: json.minimum, max: json.maximum };
  }
  if (inner instanceof z.ZodArray) {
    // A list of records (a page's 更正记录: date and note) edits each entry's fields.
    const element = inner.element as z.ZodType;
    if (element instanceof z.ZodObject) {
      return { ...base, widget: 'list', label_singular: meta.title ?? name, fields: Object.entries(element.shape as Record<string, z.ZodType>).map(([n, s]) => frontmatterField(n, s)) };
    }
    return { ...base, widget: 'list', label_singular: meta.title ?? name };
  }
  if (inner instanceof z.ZodObject) {
    return {
      ...base,
      widget: 'object',
      fields: Object.entries(inner.shape as Record<string, z.ZodType>).map(([n, s]) => frontmatterField(n, s)),
    };
  }
  const json = z.toJSONSchema(inner, { io: 'output', unrepresentable: 'any' }) as { pattern?: string; format?: string };
  if (json.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return { ...base, ...DATE };
  const pattern = patternOf(inner);
  return { ...base, widget: 'string', ...(pattern ? { pattern } : {}) };
}
