import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/model/open-data/csv-file.ts';

/** OWASP's CSV-injection advice: a text cell a spreadsheet would run as a formula is published as text. */
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('published CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ["+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(1)', `"'@SUM(1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
  ])('text %j is written as %s', (text, written) => {
    const csv = toCsv(['name'], [[text]]);
    expect(csv.split('\r\n')[1]).toBe(written);
    // Read back, the cell is the text behind an apostrophe: nothing of it is lost.
    expect(parse(csv)[1]).toEqual([`'${text}`]);
  });

  it('numbers stay numbers, negative ones included', () => {
    expect(toCsv(['a', 'b', 'c'], [[-3.5, 0, 12]]).split('\r\n')[1]).toBe('-3.5,0,12');
  });

  it('ordinary text is left as it is', () => {
    expect(toCsv(['a', 'b'], [['焦作市总工会', '1,2']]).split('\r\n')[1]).toBe('焦作市总工会,"1,2"');
  });
});
