import { describe, expect, it } from 'vitest';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { decodeCsv, parseCsv } from '../../../src/input/csv-parse.ts';

describe('decodeCsv', () => {
  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('id\na')]);
    expect(decodeCsv(bytes, 'x.csv')).toEqual({ text: 'id\na' });
  });

  it('reads GB18030 text that is not valid UTF-8', () => {
    // “甲县” in GBK
    const bytes = new Uint8Array([0xbc, 0xd7, 0xcf, 0xd8]);
    expect(decodeCsv(bytes, 'x.csv')).toEqual({ text: '甲县' });
  });

  it('names the file when the encoding is neither', () => {
    const result = decodeCsv(new Uint8Array([0x81, 0x30, 0xff, 0xfe]), 'data/x.csv');
    expect(result).toMatchObject({ problem: { file: 'data/x.csv', message: expect.stringContaining('编码') } });
  });
});

describe('parseCsv', () => {
  it('keeps the line each row starts on, across quoted line breaks and blank lines', () => {
    const text = 'id,note\n\na,"one\ntwo"\nb,three\n';
    const { table, problems } = parseCsv(text, 'x.csv');
    expect(problems).toEqual([]);
    expect(table.rows.map((r) => [r.line, r.cells.id])).toEqual([
      [3, 'a'],
      [5, 'b'],
    ]);
    expect(table.rows[0]?.cells.note).toBe('one\ntwo');
  });

  it('counts CRLF line endings once', () => {
    const { table } = parseCsv('id\r\na\r\nb\r\n', 'x.csv');
    expect(table.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('trims ASCII and full-width spaces around cells and skips trailing empty rows', () => {
    const { table, problems } = parseCsv('id,name\n a ,\u3000甲\u3000\n,\n\n', 'x.csv');
    expect(problems).toEqual([]);
    expect(table.rows).toEqual([{ line: 2, cells: { id: 'a', name: '甲' } }]);
  });

  it('reports a row with the wrong number of cells, with its line', () => {
    const { table, problems } = parseCsv('id,name\na,b,c\nd,e\n', 'x.csv');
    expect(table.rows).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ file: 'x.csv', line: 2, message: expect.stringContaining('3 个单元格') })]);
  });

  it('reports a repeated column name', () => {
    const { problems } = parseCsv('id,id\na,b\n', 'x.csv');
    expect(problems).toEqual([expect.objectContaining({ line: 1, field: 'id', message: expect.stringContaining('重复') })]);
  });

  it('reports an empty file', () => {
    expect(parseCsv('\n\n', 'x.csv').problems).toEqual([expect.objectContaining({ message: expect.stringContaining('空') })]);
  });
});

describe('a file saved twice as "UTF-8 with BOM"', () => {
  it('keeps every row and its line: the marks before the header are the encoding’s, not content', async () => {
    const { readPortalData } = await import('../../../src/input/read.ts');
    const { fixtureRoot } = await import('../../support/fixture-root.ts');
    const { data, problems } = readPortalData(diskRoot(fixtureRoot('excel-double-bom')));
    expect(problems).toEqual([]);
    expect(data.teams.map((t) => [t.id, t.name, t.line])).toEqual([['t-one', '一车间', 2]]);
  });
});
