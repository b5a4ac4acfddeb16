import { z } from 'zod';
import { decodeCsv, parseCsv, wrongSeparator } from './csv-parse.ts';
import { hasInvisible, INVISIBLE, INVISIBLE_HINT, invisibleMessage } from './invisible.ts';
import { findPrivateNumbers, PRIVATE_HINT, PRIVATE_KIND } from './privacy.ts';
import type { Problem } from './problems.ts';
import { DECIMAL_COMMA } from './schema/cells.ts';
import type { TableDef } from './schema/tables.ts';

/** A validated row, with the line it came from so later cross-file checks can point at it. */
export type Located<T> = T & { readonly line: number };

export interface FieldInfo {
  name: string;
  title: string;
  description?: string;
  example?: string;
  required: boolean;
}

/** Column names, Chinese titles and whether each is required, read from the schema itself. */
export function fields(def: TableDef): FieldInfo[] {
  return Object.entries(def.schema.shape).map(([name, schema]) => {
    const s = schema as z.ZodType;
    const optional = s instanceof z.ZodOptional;
    const inner = optional ? (s as z.ZodOptional).unwrap() : s;
    const meta = (z.globalRegistry.get(inner as z.ZodType) ?? {}) as { title?: string; description?: string; example?: string };
    return { name, title: meta.title ?? name, description: meta.description, example: meta.example, required: !optional };
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
): { rows: Located<z.infer<S>>[]; problems: Problem[]; header: string[] } {
  const decoded = decodeCsv(bytes, file);
  if ('problem' in decoded) return { rows: [], problems: [decoded.problem], header: [] };
  const { table, problems } = parseCsv(decoded.text, file);
  const { header } = table;
  if (header.length === 0) return { rows: [], problems, header };
  const separator = wrongSeparator(header, table.headerLine, file);
  if (separator) return { rows: [], problems: [...problems, separator], header };

  const info = fields(def as unknown as TableDef);
  const declared = new Set(info.map((f) => f.name));
  const { headerLine } = table;
  const columnOf = (name: string) => {
    const i = table.header.indexOf(name);
    return i >= 0 ? i + 1 : undefined;
  };
  for (const name of table.header) {
    if (hasInvisible(name)) {
      // A second BOM (a file saved twice as "UTF-8 with BOM") or a pasted column name.
      problems.push({
        file,
        line: headerLine,
        column: columnOf(name),
        message: `列名“${name.replace(INVISIBLE, '')}”${invisibleMessage(name)}`,
        hint: `${INVISIBLE_HINT}；列名照抄说明文档（本表的列为：${info.map((f) => f.name).join('、')}）`,
      });
    } else if (name && !declared.has(name)) {
      problems.push({
        file,
        line: headerLine,
        column: columnOf(name),
        field: name,
        message: `“${name}”不是本表规定的列`,
        hint: `删除这一列（本表的列为：${info.map((f) => f.name).join('、')}）；不公开的信息（如电话、身份证号、住址）不能放进数据表`,
      });
    }
  }
  const missing = info.filter((f) => !table.header.includes(f.name));
  // A column whose name only carries an invisible character is reported above, not as missing.
  for (const f of missing.filter((f) => f.required && !table.header.some((h) => h.replace(INVISIBLE, '') === f.name))) {
    problems.push({
      file,
      line: headerLine,
      field: f.name,
      message: `缺少必需的列“${f.name}”（${f.title}）`,
      hint: `在第 ${headerLine} 行（表头）加上列名 ${f.name}，并在下面各行填写${f.title}；列名要用英文，与说明文档一致`,
    });
  }
  if (problems.length > 0 && (missing.some((f) => f.required) || table.header.some((h) => !declared.has(h)))) {
    return { rows: [], problems, header }; // the columns are wrong: every row would repeat the same complaint
  }

  const rows: Located<z.infer<S>>[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const input: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(row.cells)) input[name] = value === '' ? undefined : value;
    const secrets = Object.entries(row.cells).flatMap(([name, value]) =>
      findPrivateNumbers(value).map((n) => ({
        file,
        line: row.line,
        column: columnOf(name),
        field: fieldLabel(def as unknown as TableDef, name),
        message: `写有${PRIVATE_KIND[n.kind]}“${n.masked}”`,
        hint: PRIVATE_HINT,
      })),
    );
    const hidden = Object.entries(row.cells)
      .filter(([, value]) => hasInvisible(value))
      .map(([name, value]) => ({
        file,
        line: row.line,
        column: columnOf(name),
        field: fieldLabel(def as unknown as TableDef, name),
        message: invisibleMessage(value),
        hint: INVISIBLE_HINT,
      }));
    if (secrets.length + hidden.length > 0) {
      problems.push(...secrets, ...hidden);
      continue;
    }
    const result = def.schema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const name = String(issue.path[0] ?? '');
        const field = info.find((f) => f.name === name);
        problems.push({
          file,
          line: row.line,
          column: columnOf(name),
          field: fieldLabel(def as unknown as TableDef, name),
          message: issueMessage(issue, input[name]),
          hint: issueHint(issue, input[name], field),
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
        column: columnOf(def.key[def.key.length - 1] ?? ''),
        field: def.key.join('+'),
        message: `与第 ${first} 行重复：${def.key.map((k) => `${k}=${String(result.data[k])}`).join('，')}`,
        hint: def.key.length > 1 ? `同一组 ${def.key.join('、')} 只能登记一次：删除重复的一行，或改正其中的编号` : '同一编号只能出现一次：删除重复的一行，或给其中一个换一个编号',
      });
      continue;
    }
    seen.set(key, row.line);
    rows.push({ ...result.data, line: row.line });
  }
  return { rows, problems, header };
}

/** Zod's issue, said the way an editor looking at a spreadsheet cell needs to hear it. */
export function issueMessage(issue: z.core.$ZodIssue, received: unknown): string {
  if (received === undefined || received === null) return '此项必填，不能留空';
  const shown = `实际填写的是“${show(received)}”`;
  if (isDecimalComma(issue, received)) return `小数点写成了逗号，${shown}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number') return `应为数字，${shown}`;
      if (issue.expected === 'int') return `应为整数，${shown}`;
      if (issue.expected === 'boolean') return `只能填 true 或 false，${shown}`;
      if (issue.expected === 'array') return `应为列表（每项一行，以“- ”开头），${shown}`;
      if (issue.expected === 'object') return `应为若干“字段: 值”组成的一组信息，${shown}`;
      return `应为文字，${shown}`;
    case 'too_small':
      if (issue.origin === 'array') return `至少要填 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return `不能为空`;
      return `不能小于 ${String(issue.minimum)}，${shown}`;
    case 'too_big':
      if (issue.origin === 'array') return `最多只能填 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}，${shown}`;
    default:
      return `${issue.message}，${shown}`;
  }
}

/** How to fix what issueMessage describes: the cell's expected form, with the column's own description. */
export function issueHint(issue: z.core.$ZodIssue, received: unknown, field?: Pick<FieldInfo, 'title' | 'description' | 'example'>): string {
  const about = field?.description ? `（${field.description}）` : '';
  const example = field?.example ? `，例如 ${field.example}` : '';
  const title = field?.title ?? '此项';
  if (received === undefined || received === null) return `填写${title}${example}${about}`;
  if (isDecimalComma(issue, received)) return `小数点用英文句点“.”，例如 0.9；逗号只用作千位分隔，每三位一个，例如 1,234`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number') return `只填阿拉伯数字，不带单位、汉字或空格${example || '，例如 3 或 12.5'}${about}`;
      if (issue.expected === 'int') return `只填整数，不带小数点${example || '，例如 3'}${about}`;
      if (issue.expected === 'boolean') return 'draft: true 表示草稿，不发布；要发布就删掉这一行或写 draft: false';
      if (issue.expected === 'array') return '在字段名下面逐行列出，每行以两个空格和“- ”开头，例如“  - 2023年先进个人”';
      return `按说明填写${title}${example}${about}`;
    case 'too_small':
    case 'too_big':
      return `核对${title}的数值${about}`;
    case 'invalid_value':
      return `从可选值中选一个照抄，注意大小写${about}`;
    case 'custom':
      // A check that knows its own fix (an impossible day) gives it.
      if (typeof issue.params?.hint === 'string') return issue.params.hint;
      return `按上面说的格式改正${title}${example}${about}；可参照同一文件中填写正确的行`;
    default:
      return `按上面说的格式改正${title}${example}${about}；可参照同一文件中填写正确的行`;
  }
}

function isDecimalComma(issue: z.core.$ZodIssue, received: unknown): boolean {
  return issue.code === 'invalid_type' && issue.expected === 'number' && typeof received === 'string' && DECIMAL_COMMA.test(received);
}

function show(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
