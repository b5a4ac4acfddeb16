import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvToRows, rowsToCsv } from '../../../src/cms/csv-format.ts';
import { TABLES } from '../../../src/input/schema/tables.ts';

/** The repository's CSV convention: UTF-8 without BOM, LF; a file read and written back is the same file. */
const columns = (file: string) => Object.keys(Object.values(TABLES).find((t) => t.file === file)!.schema.shape);

describe('the CMS’s CSV format', () => {
  for (const root of ['.', 'examples/demo']) {
    for (const file of fs.readdirSync(path.join(root, 'data')).filter((f) => f.endsWith('.csv'))) {
      it(`round-trips ${path.join(root, 'data', file)} byte for byte`, () => {
        const text = fs.readFileSync(path.join(root, 'data', file), 'utf8');
        expect(rowsToCsv(csvToRows(text, columns(file)), columns(file))).toBe(text);
      });
    }
  }

  it('reads what Excel saves (BOM, CRLF) and writes the convention', () => {
    const cols = columns('zones.csv');
    const excel = '\uFEFFyear,id,name,kind,quota\r\n2019,qinyang,沁阳市,county,9\r\n';
    expect(rowsToCsv(csvToRows(excel, cols), cols)).toBe('year,id,name,kind,quota\n2019,qinyang,沁阳市,county,9\n');
  });

  it('changes only the edited cell, quotes what needs quoting, and keeps an empty table’s header', () => {
    const cols = columns('enterprises.csv');
    const rows = csvToRows('id,name,zone,sector\na,甲,city,\n', cols);
    rows.rows[0]!.name = '甲，乙,"丙"';
    expect(rowsToCsv(rows, cols)).toBe('id,name,zone,sector\na,"甲，乙,""丙""",city,\n');
    expect(rowsToCsv({ rows: [] }, cols)).toBe('id,name,zone,sector\n');
    expect(rowsToCsv(undefined, cols)).toBe('id,name,zone,sector\n');
  });
});
