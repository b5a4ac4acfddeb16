import type { z } from 'zod';
import { TABLES, type TableName } from '../../input/schema/tables.ts';
import { fields, issueHint, issueMessage } from '../../input/table.ts';

/**
 * A number cell of a table, typed as text and kept as typed: "四家", "１０" or "4.5" stay in the box
 * with the message the build would give for that cell (src/input/table.ts, from the column's own
 * schema in src/input/schema/tables.ts), never "此字段为必填项" over an emptied box. What the
 * loader reads differently from what was typed ("1,234" → 1234) is said under the box.
 */
type Immutable = { get(key: string): unknown };
interface Props {
  value?: unknown;
  forID: string;
  classNameWrapper: string;
  field: Immutable;
  onChange(value: string): void;
}

/** The check of one cell: the build's message and 改法 when the loader refuses it, else what it reads. */
export function checkCell(table: string, column: string, typed: string): { ok: true; read: unknown } | { ok: false; message: string } {
  const def = TABLES[table as TableName];
  const schema = (def.schema.shape as Record<string, z.ZodType>)[column]!;
  const value = typed.trim() === '' ? undefined : typed.trim();
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, read: result.data };
  const issue = result.error.issues[0]!;
  const info = fields(def).find((f) => f.name === column);
  return { ok: false, message: `${issueMessage(issue, value)}。改法：${issueHint(issue, value, info)}` };
}

type Api = { h: (...args: unknown[]) => unknown; createClass: (spec: object) => unknown };

export function cellControl({ h, createClass }: Api) {
  return createClass({
    isValid(this: { props: Props }) {
      const { field, value } = this.props;
      const typed = value === undefined || value === null ? '' : String(value);
      // Left empty: Sveltia's own required check says so; an optional cell may stay empty.
      if (typed.trim() === '') return true;
      const check = checkCell(String(field.get('table')), String(field.get('column')), typed);
      return check.ok ? true : { error: { message: check.message } };
    },
    render(this: { props: Props }) {
      const { forID, classNameWrapper, value, field, onChange } = this.props;
      const typed = value === undefined || value === null ? '' : String(value);
      const check = typed.trim() ? checkCell(String(field.get('table')), String(field.get('column')), typed) : undefined;
      const read = check?.ok && String(check.read) !== typed.trim() ? `按 ${String(check.read)} 读取` : '';
      return h('div', {}, [
        h('input', {
          key: 'input',
          id: forID,
          className: classNameWrapper,
          type: 'text',
          // Sveltia's label of a custom field names no input: the box carries its own.
          'aria-label': String(field.get('label') ?? ''),
          inputMode: field.get('numeric') === 'integer' ? 'numeric' : 'decimal',
          value: typed,
          autoComplete: 'off',
          style: { width: '100%' },
          onChange: (e: { target: { value: string } }) => onChange(e.target.value),
        }),
        read ? h('p', { key: 'read', style: { margin: '4px 0 0', fontSize: '0.9em' } }, read) : null,
      ]);
    },
  });
}
