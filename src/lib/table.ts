import { z } from 'zod';
import { parseCsv, decodeCsv } from './csv.ts';
import type { Problem } from './problems.ts';
import type { TableDef } from './schema/tables.ts';

/** A validated row, with the line it came from so later cross-file checks can point at it. */
export type Located<T> = T & { readonly line: number };

export interface FieldInfo {
  name: string;
  title: string;
  description?: string;
  required: boolean;
}

/** Column names, Chinese titles and whether each is required, read from the schema itself. */
export function fields(def: TableDef): FieldInfo[] {
  return Object.entries(def.schema.shape).map(([name, schema]) => {
    const s = schema as z.ZodType;
    const optional = s instanceof z.ZodOptional;
    const inner = optional ? (s as z.ZodOptional).unwrap() : s;
    const meta = (z.globalRegistry.get(inner as z.ZodType) ?? {}) as { title?: string; description?: string };
    return { name, title: meta.title ?? name, description: meta.description, required: !optional };
  });
}

export function fieldLabel(def: TableDef, name: string): string {
  const f = fields(def).find((x) => x.name === name);
  return f && f.title !== name ? `${name}（${f.title}）` : name;
}

/**
 * Reads one table from its bytes: decoding, CSV syntax, declared columns, each cell against the
 * schema and the uniqueness of the key. Returns every problem found, never only the first.
 */
export function readTable<S extends z.ZodObject>(
  def: TableDef<S>,
  bytes: Uint8Array,
  file = `data/${def.file}`,
): { rows: Located<z.infer<S>>[]; problems: Problem[] } {
  const decoded = decodeCsv(bytes, file);
  if ('problem' in decoded) return { rows: [], problems: [decoded.problem] };
  const { table, problems } = parseCsv(decoded.text, file);
  if (table.header.length === 0) return { rows: [], problems };

  const info = fields(def as unknown as TableDef);
  const declared = new Set(info.map((f) => f.name));
  const { headerLine } = table;
  for (const name of table.header) {
    if (name && !declared.has(name)) {
      problems.push({
        file,
        line: headerLine,
        field: name,
        message: `“${name}”不是本表规定的列`,
        hint: `本表的列为：${info.map((f) => f.name).join('、')}；不公开的信息（如电话、身份证号）不要放进数据表`,
      });
    }
  }
  const missing = info.filter((f) => !table.header.includes(f.name));
  for (const f of missing.filter((f) => f.required)) {
    problems.push({ file, line: headerLine, field: f.name, message: `缺少必需的列“${f.name}”（${f.title}）` });
  }
  if (problems.length > 0 && (missing.some((f) => f.required) || table.header.some((h) => !declared.has(h)))) {
    return { rows: [], problems }; // the columns are wrong: every row would repeat the same complaint
  }

  const rows: Located<z.infer<S>>[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const input: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(row.cells)) input[name] = value === '' ? undefined : value;
    const result = def.schema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const name = String(issue.path[0] ?? '');
        problems.push({
          file,
          line: row.line,
          field: fieldLabel(def as unknown as TableDef, name),
          message: issueMessage(issue, input[name]),
        });
      }
      continue;
    }
    const key = def.key.map((k) => String(result.data[k])).join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        file,
        line: row.line,
        field: def.key.join('+'),
        message: `与第 ${first} 行重复：${def.key.map((k) => `${k}=${String(result.data[k])}`).join('，')}`,
        hint: '同一编号只能出现一次',
      });
      continue;
    }
    seen.set(key, row.line);
    rows.push({ ...result.data, line: row.line });
  }
  return { rows, problems };
}

/** Zod's issue, said the way an editor looking at a spreadsheet cell needs to hear it. */
export function issueMessage(issue: z.core.$ZodIssue, received: unknown): string {
  if (received === undefined) return '此项必填，不能留空';
  const shown = `实际填写的是“${String(received)}”`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number') return `应为数字，${shown}`;
      return `类型不正确，${shown}`;
    case 'too_small':
      return `不能小于 ${String(issue.minimum)}，${shown}`;
    case 'too_big':
      return `不能大于 ${String(issue.maximum)}，${shown}`;
    default:
      return `${issue.message}，${shown}`;
  }
}
