import type { TableName } from '../../input/schema/tables.ts';
import type { Row, TableDiff } from '../table-check.ts';
import { readSpreadsheet } from './spreadsheet.ts';
import { addFieldStyle } from './field-style.ts';

/**
 * A table of data/ as a table: rows are rows and columns are columns, however many (80 enterprises
 * and more). Sorted by a column, found by name or id, a new row added where it is seen, a row
 * deleted only after saying yes; every problem the build would find in this table shown above it
 * with its line in the file, and a save refused while there is one. A table kept in Excel or WPS
 * is uploaded (.xlsx or .csv), checked by the same rules, and its changed cells shown before they
 * are taken.
 */
interface Column {
  name: string;
  label: string;
  required?: boolean;
  hint?: string;
  /** A fixed list (an enum, the zones), or values to suggest (the rows another table names). */
  options?: (string | { label: string; value: string })[];
  suggest?: { label: string; value: string }[];
}
type Immutable = { get(key: string): unknown; toJS?(): unknown };
interface Props {
  value?: unknown;
  forID: string;
  field: Immutable;
  entry?: Immutable & { getIn(path: string[]): unknown };
  onChange(value: Row[]): void;
}
interface Upload {
  name: string;
  rows: Row[];
  diff: TableDiff;
  problems: string[];
}
interface State {
  query: string;
  sort?: { column: string; down: boolean };
  focus?: number;
  upload?: Upload;
  note: string;
}
type This = { props: Props; state: State; setState(s: Partial<State>): void };

const plain = (v: unknown): unknown => ((v as Immutable | null)?.toJS ? (v as Immutable).toJS!() : v);
const toRows = (value: unknown): Row[] => ((plain(value) as Row[] | undefined) ?? []).map((r) => ({ ...r }));
/**
 * The rows as the entry holds them: Sveltia stores a list value as one key per cell (rows.0.id…),
 * so after a change the field's own `value` is gone; the entry puts the list back together.
 */
const rowsOf = ({ entry, field, value }: Props): Row[] => toRows(entry?.getIn(['data', String(field.get('name'))]) ?? value);
const columnsOf = (field: Immutable) => plain(field.get('columns')) as Column[];
const optionValue = (o: string | { value: string }) => (typeof o === 'string' ? o : o.value);
const optionLabel = (o: string | { label: string }) => (typeof o === 'string' ? o : o.label);

/** What names a row to a person: its name, else its id, else its first cells. */
function rowName(row: Row, columns: readonly Column[]): string {
  return row.name || row.id || columns.slice(0, 3).map((c) => row[c.name]).filter(Boolean).join(' ');
}

type Api = { h: (...args: unknown[]) => unknown; createClass: (spec: object) => unknown };

const textWidth = (text: string) => [...text].reduce((sum, ch) => sum + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6), 0);

/**
 * The loader's checks (the schemas, with zod), loaded when the first table is opened rather than
 * with /admin/: most visits edit no table, and the CMS starts sooner without them.
 */
type Checks = typeof import('../table-check.ts');
let checks: Checks | undefined;
let loadingChecks: Promise<Checks> | undefined;
const loadChecks = () => (loadingChecks ??= import('../table-check.ts').then((m) => (checks = m)));
const NOT_YET = '正在载入这张表的检查规则，请稍等一下再保存。';

export function tableControl({ h, createClass }: Api) {
  return createClass({
    getInitialState: (): State => ({ query: '', note: '' }),
    componentDidMount(this: This & { forceUpdate(): void }) {
      if (!checks) void loadChecks().then(() => this.forceUpdate());
    },
    componentDidUpdate(this: This & { focusDone?: number }) {
      const { focus } = this.state;
      if (focus === undefined || this.focusDone === focus) return;
      this.focusDone = focus;
      const cell = document.querySelector<HTMLElement>(`[data-portal-row="${this.props.forID}-${focus}"] input, [data-portal-row="${this.props.forID}-${focus}"] select`);
      cell?.scrollIntoView({ block: 'center' });
      cell?.focus();
    },
    // The rows last given or drawn: Sveltia checks a change before the control is drawn again.
    isValid(this: This & { drawn?: Row[] }) {
      if (!checks) return { error: { message: NOT_YET } };
      const { checkRows, problemLine } = checks;
      const problems = checkRows(String(this.props.field.get('table')) as TableName, this.drawn ?? rowsOf(this.props));
      if (problems.length === 0) return true;
      return { error: { message: `这张表有 ${problems.length} 处问题，网站生成时会停下，请先改正：${problems.slice(0, 3).map(problemLine).join('；')}` } };
    },
    render(this: This & { drawn?: Row[] }) {
      addFieldStyle();
      const { field, forID } = this.props;
      const onChange = (next: Row[]) => {
        this.drawn = next;
        this.props.onChange(next);
      };
      const table = String(field.get('table')) as TableName;
      const columns = columnsOf(field);
      const rows = rowsOf(this.props);
      this.drawn = rows;
      const { query, sort, upload, note } = this.state;
      const set = (i: number, column: string, v: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [column]: v } : r)));
      const add = () => {
        const next = [...rows, Object.fromEntries(columns.map((c) => [c.name, '']))];
        onChange(next);
        // Shown where it is: the filter and the order would hide it at the end of the list.
        this.setState({ query: '', sort: undefined, focus: next.length - 1, note: `已在末尾加了第 ${next.length + 1} 行，填好后点“保存”。` });
      };
      const remove = (i: number) => {
        const name = rowName(rows[i]!, columns);
        if (!window.confirm(`删除第 ${i + 2} 行“${name}”？\n删除后点“保存”才会提交；保存以前可以关闭编辑器、不保存，这一行就还在。`)) return;
        onChange(rows.filter((_, j) => j !== i));
        this.setState({ note: `已删除“${name}”（点“保存”才提交）。` });
      };
      const upload_ = async (file: File) => {
        const read = await readSpreadsheet(file, columns.map((c) => c.name));
        if ('problem' in read) return this.setState({ upload: undefined, note: `${file.name}：${read.problem}` });
        const { checkRows, diffRows, problemLine } = await loadChecks();
        this.setState({
          upload: { name: file.name, rows: read.rows, diff: diffRows(table, rows, read.rows), problems: checkRows(table, read.rows).map(problemLine) },
          note: '',
        });
      };

      const problems = checks ? checks.checkRows(table, rows) : [];
      const problemLine = checks?.problemLine ?? String;
      // The cells the problems point at (line of the file, column number), marked in the table.
      const wrong = new Set(problems.map((p) => `${p.line}:${p.column}`));
      const needle = query.trim().toLowerCase();
      let shown = rows.map((row, i) => ({ row, i })).filter(({ row }) => !needle || columns.some((c) => (row[c.name] ?? '').toLowerCase().includes(needle)));
      if (sort) {
        const collator = new Intl.Collator('zh-CN', { numeric: true });
        shown = [...shown].sort((a, b) => collator.compare(a.row[sort.column] ?? '', b.row[sort.column] ?? '') * (sort.down ? -1 : 1));
      }
      // Each column as wide as its longest text (a Chinese character 1em, a letter or digit about
      // 0.6em), within bounds: names are read whole, codes and numbers take little room.
      const widths = new Map(columns.map((c) => [c.name, `${Math.min(16, Math.max(4, ...rows.map((r) => textWidth(r[c.name] ?? '') + 1.5), ...(c.options ?? []).map((o) => textWidth(optionLabel(o)) + 2.5))).toFixed(1)}em`]));
      const lists = columns.filter((c) => c.suggest).map((c) =>
        h('datalist', { key: `list-${c.name}`, id: `${forID}-${c.name}-list` }, c.suggest!.map((o) => h('option', { key: o.value, value: o.value, label: o.label }))),
      );

      const cell = (row: Row, i: number, c: Column) => {
        const invalid = wrong.has(`${i + 2}:${columns.indexOf(c) + 1}`);
        const common = {
          'aria-label': `第 ${i + 2} 行 ${c.label}`,
          'aria-invalid': invalid || undefined,
          value: row[c.name] ?? '',
          onChange: (e: { target: { value: string } }) => set(i, c.name, e.target.value),
          style: { minWidth: widths.get(c.name) },
        };
        if (c.options) {
          return h('select', common, [h('option', { key: '', value: '' }, '（未选）'), ...c.options.map((o) => h('option', { key: optionValue(o), value: optionValue(o) }, optionLabel(o)))]);
        }
        return h('input', { ...common, type: 'text', autoComplete: 'off', ...(c.suggest ? { list: `${forID}-${c.name}-list` } : {}) });
      };

      const review = upload
        ? h('section', { key: 'review', className: 'portal-table-review', 'aria-label': '导入的文件' }, [
            h('h3', { key: 'h', style: { margin: 0 } }, `导入 ${upload.name}：${upload.rows.length} 行`),
            upload.problems.length > 0
              ? h('div', { key: 'p', role: 'alert' }, [h('p', { key: 't' }, `这个文件有 ${upload.problems.length} 处问题，请在 Excel/WPS 里改正后再导入：`), h('ul', { key: 'l' }, upload.problems.slice(0, 30).map((p, k) => h('li', { key: k }, p)))])
              : h('p', { key: 'ok' }, `改动 ${upload.diff.changed.length} 处，新增 ${upload.diff.added.length} 行，删去 ${upload.diff.removed.length} 行：`),
            h('table', { key: 't' }, [
              h('thead', { key: 'h' }, h('tr', {}, ['行', '列', '原来', '改为'].map((t) => h('th', { key: t, scope: 'col' }, t)))),
              h('tbody', { key: 'b' }, [
                ...upload.diff.changed.map((d, k) => h('tr', { key: `c${k}` }, [d.line, columns.find((c) => c.name === d.column)?.label ?? d.column, d.before || '（空）', d.after || '（空）'].map((t, m) => h('td', { key: m }, String(t))))),
                ...upload.diff.added.map((r, k) => h('tr', { key: `a${k}` }, [h('td', { key: 0, colSpan: 4 }, `新增：${rowName(r, columns)}`)])),
                ...upload.diff.removed.map((r, k) => h('tr', { key: `r${k}` }, [h('td', { key: 0, colSpan: 4 }, `删去：${rowName(r, columns)}`)])),
              ]),
            ]),
            h('p', { key: 'b', style: { display: 'flex', flexWrap: 'wrap', gap: '8px' } }, [
              upload.problems.length === 0
                ? h('button', { key: 'y', type: 'button', onClick: () => { onChange(upload.rows); this.setState({ upload: undefined, note: `已采用 ${upload.name} 的内容，点“保存”提交（保存为仓库的 CSV）。` }); } }, '采用这些改动')
                : null,
              h('button', { key: 'n', type: 'button', onClick: () => this.setState({ upload: undefined }) }, '放弃'),
            ]),
          ])
        : null;

      return h('div', { id: forID, className: 'portal-table' }, [
        // Sveltia marks the first input of a custom field aria-invalid when the field is: this one,
        // not the find box, which would be outlined red as if what was typed in it were wrong.
        h('input', { key: 'validity', type: 'hidden' }),
        ...lists,
        h('div', { key: 'tools', className: 'portal-table-tools' }, [
          h('input', { key: 'q', type: 'search', className: 'portal-table-find', 'aria-label': '查找（名称、编号或任何一格的文字）', placeholder: '查找：名称、编号…', value: query, onChange: (e: { target: { value: string } }) => this.setState({ query: e.target.value }) }),
          h('span', { key: 'n' }, needle ? `找到 ${shown.length} 行，共 ${rows.length} 行` : `共 ${rows.length} 行`),
          h('button', { key: 'add', type: 'button', onClick: add }, '添加一行'),
          // A button of ours for the file: the browser's own says "Choose File" in its own language.
          h('label', { key: 'up', className: 'portal-file-button' }, [
            '从 Excel/WPS 导入（.xlsx 或 .csv）…',
            h('input', { key: 'f', type: 'file', accept: '.xlsx,.csv', onChange: (e: { target: HTMLInputElement }) => { const f = e.target.files?.[0]; if (f) void upload_(f); e.target.value = ''; } }),
          ]),
        ]),
        note ? h('p', { key: 'note', role: 'status', style: { margin: '4px 0' } }, note) : null,
        checks ? null : h('p', { key: 'loading', role: 'status', style: { margin: '4px 0' } }, NOT_YET),
        review,
        problems.length > 0
          ? h('div', { key: 'problems', role: 'alert', className: 'portal-table-problems' }, [h('p', { key: 't', style: { margin: 0 } }, `有 ${problems.length} 处问题，网站生成时会停下（保存不了）：`), h('ul', { key: 'l', style: { margin: 0 } }, problems.slice(0, 20).map((p, k) => h('li', { key: k }, problemLine(p))))])
          : null,
        h('div', { key: 'scroll', className: 'portal-table-scroll' },
          h('table', { className: 'portal-table-grid' }, [
            h('thead', { key: 'h' }, h('tr', {}, [
              h('th', { key: '#', scope: 'col' }, '行 · 名称'),
              ...columns.map((c) => h('th', { key: c.name, scope: 'col', 'aria-sort': sort?.column === c.name ? (sort.down ? 'descending' : 'ascending') : 'none' },
                h('button', { type: 'button', title: c.hint ? `${c.hint}（点一下按这一列排序）` : '点一下按这一列排序', onClick: () => this.setState({ sort: { column: c.name, down: sort?.column === c.name ? !sort.down : false } }) }, `${c.label}${c.required ? ' *' : ''}${sort?.column === c.name ? (sort.down ? ' ▼' : ' ▲') : ''}`))),
              h('th', { key: 'x', scope: 'col' }, h('span', { style: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' } }, '删除')),
            ])),
            h('tbody', { key: 'b' }, shown.map(({ row, i }) => h('tr', { key: i, 'data-portal-row': `${forID}-${i}` }, [
              h('th', { key: '#', scope: 'row' }, [h('span', { key: 'l', className: 'portal-table-line' }, `第 ${i + 2} 行`), rowName(row, columns) || '（新行）']),
              ...columns.map((c) => h('td', { key: c.name }, cell(row, i, c))),
              h('td', { key: 'x' }, h('button', { type: 'button', 'aria-label': `删除第 ${i + 2} 行“${rowName(row, columns)}”`, onClick: () => remove(i) }, '删除')),
            ]))),
          ]),
        ),
      ]);
    },
  });
}
