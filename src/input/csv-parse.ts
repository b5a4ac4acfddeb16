import Papa from 'papaparse';
import type { Problem } from './problems.ts';

export interface CsvRow {
  /** 1-based line where the row starts in the file. */
  line: number;
  /** Cell text by header name, trimmed (ASCII and full-width spaces alike). */
  cells: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  /** 1-based line of the header (the first non-empty line). */
  headerLine: number;
  rows: CsvRow[];
}

/**
 * Text of a CSV file as Excel saves it: UTF-8 with or without BOM, or GB18030/GBK
 * ("CSV (逗号分隔)" on Chinese Windows). Anything else is reported, never guessed.
 */
export function decodeCsv(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
      return { text };
    } catch {
      // try the next encoding
    }
  }
  return {
    problem: {
      file,
      message: '文件编码无法识别，既不是 UTF-8 也不是 GB18030/GBK',
      hint: '请在 Excel 中选择“另存为 → CSV UTF-8（逗号分隔）”后重新保存',
    },
  };
}

const SPACES = /^[\s\u3000]+|[\s\u3000]+$/g;

/** Parses CSV text into rows keyed by header, keeping each row's line number for error messages. */
export function parseCsv(input: string, file: string): { table: CsvTable; problems: Problem[] } {
  // Byte-order marks before the header say only how the file is encoded (a file saved twice as
  // "UTF-8 with BOM" has two): not content. Papa Parse drops one itself, which put its positions,
  // and so every line number, one off; all are dropped here instead.
  const text = input.replace(/^\uFEFF+/, '');
  const problems: Problem[] = [];
  const records: { line: number; values: string[] }[] = [];
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    header: false,
    delimiter: ',', // Excel's “CSV (逗号分隔)”; auto-detection fails on one-column files
    skipEmptyLines: false,
    step(result) {
      const start = offset;
      const end = result.meta.cursor;
      records.push({ line, values: result.data });
      for (const e of result.errors) {
        problems.push({ file, line, message: `CSV 格式错误：${csvErrorText(e.code)}`, hint: '检查英文双引号 " 是否成对；在 Excel 中打开后重新保存通常能修好' });
      }
      line += countNewlines(text, start, end);
      offset = end;
    },
  });

  const isBlank = (values: string[]) => values.every((v) => v.replace(SPACES, '') === '');
  const headerRecord = records.find((r) => !isBlank(r.values));
  if (!headerRecord) {
    problems.push({ file, message: '文件是空的，缺少表头行', hint: '第一行写列名（表头），从第二行起每行一条记录；可从示例或上一版文件复制表头' });
    return { table: { header: [], headerLine: 1, rows: [] }, problems };
  }
  let header = headerRecord.values.map((h) => h.replace(SPACES, ''));
  // Excel keeps columns that once held something: a blank header cell at the end, blank in every row.
  let width = header.length;
  while (width > 0 && header[width - 1] === '' && records.every((r) => (r.values[width - 1] ?? '').replace(SPACES, '') === '')) width--;
  if (width < header.length) {
    header = header.slice(0, width);
    for (const r of records) if (r.values.length > width) r.values = r.values.slice(0, width);
  }
  header.forEach((name, i) => {
    if (name === '') {
      problems.push({ file, line: headerRecord.line, column: i + 1, message: '表头有空白列名', hint: '给这一列填上列名；如果是多余的空列，在 Excel 中删除整列' });
    } else if (header.indexOf(name) !== i) {
      problems.push({ file, line: headerRecord.line, column: i + 1, field: name, message: '表头中该列名重复出现', hint: '每个列名只能出现一次：删除重复的列，或把数据合并到同一列' });
    }
  });

  const rows: CsvRow[] = [];
  // The records after the header's, by position (a line number can repeat only if counting went wrong).
  for (const record of records.slice(records.indexOf(headerRecord) + 1)) {
    if (isBlank(record.values)) continue; // Excel leaves trailing empty rows
    if (record.values.length !== header.length) {
      problems.push({
        file,
        line: record.line,
        message: `这一行有 ${record.values.length} 个单元格，表头有 ${header.length} 列`,
        hint: '检查是否多了或少了逗号；含逗号的内容要用英文双引号括起来',
      });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((name, i) => {
      cells[name] = (record.values[i] ?? '').replace(SPACES, '');
    });
    rows.push({ line: record.line, cells });
  }
  return { table: { header, headerLine: headerRecord.line, rows }, problems };
}

function countNewlines(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function csvErrorText(code: string): string {
  switch (code) {
    case 'MissingQuotes':
      return '引号没有闭合';
    case 'InvalidQuotes':
      return '引号位置不正确';
    case 'TooFewFields':
    case 'TooManyFields':
      return '这一行的单元格数目与表头不同';
    default:
      return '无法识别的写法';
  }
}

/** Separators Excel, WPS or a hand-typed file use instead of the comma, named as an editor sees them. */
const OTHER_SEPARATORS = [
  ['\t', ' Tab 制表符'],
  ['，', '中文全角逗号“，”'],
  [';', '分号“;”'],
  ['；', '中文分号“；”'],
  ['|', '竖线“|”'],
] as const;

/**
 * A header that parsed as one column but holds another separator between names: the file was saved
 * with the wrong separator. One problem for the file instead of a "missing column" for each name.
 */
export function wrongSeparator(header: readonly string[], headerLine: number, file: string): Problem | undefined {
  if (header.length !== 1) return undefined;
  const found = OTHER_SEPARATORS.find(([sep]) => header[0]!.includes(sep));
  if (!found) return undefined;
  return {
    file,
    line: headerLine,
    message: `各列之间用的是${found[1]}，不是英文逗号“,”，整张表读成了一列`,
    hint: '在 Excel 或 WPS 中打开，选“另存为 → CSV UTF-8（逗号分隔）”重新保存；手写时列与列之间用英文逗号',
  };
}
