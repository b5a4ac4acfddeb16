import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dataPackage, datasetCsv, datasetJson, datasets, tableSchema, type TableSchemaField } from '../../../src/model/open-data/datasets.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { readPortalData, type PortalData } from '../../../src/input/read.ts';
import { siteModel } from '../../../src/model/site.ts';
import { checkRules } from '../../../src/input/rules.ts';
import { TABLES, type TableDef, type TableName } from '../../../src/input/schema/tables.ts';
import { readTable } from '../../../src/input/table.ts';

const now = new Date('2025-01-01T00:00:00Z');
const roots = { demo: 'examples/demo', real: '.' } as const;
const loaded = Object.fromEntries(Object.entries(roots).map(([k, root]) => [k, readPortalData(diskRoot(root)).data])) as Record<keyof typeof roots, PortalData>;

const withoutLine = (rows: object[]) => rows.map(({ line: _line, ...row }: { line?: number }) => row);

describe('datasets', () => {
  it('publish every table of data/, under its own file name', () => {
    const sets = datasets(loaded.real);
    expect(sets.map((s) => `${s.name}.csv`)).toEqual(Object.values(TABLES).map((t) => t.file));
  });

  it('publish an empty table with its header only', () => {
    const energy = datasets(loaded.real).find((s) => s.name === 'energy')!;
    expect(datasetCsv(energy)).toBe('\uFEFFyear,enterprise,indicator,unit,value,industry_average\r\n');
    expect(datasetJson(energy)).toBe('[]\n');
  });

  for (const [name, data] of Object.entries(loaded)) {
    describe(`of the ${name} campaign`, () => {
      const sets = datasets(siteModel(data, now));

      it('read back as CSV to the same rows, with the same schema that validated them', () => {
        for (const set of sets) {
          const bytes = new TextEncoder().encode(datasetCsv(set));
          const back = readTable(set.def, bytes);
          expect(back.problems, set.name).toEqual([]);
          expect(withoutLine(back.rows), set.name).toEqual(set.rows);
          // Nothing is held back in these roots, so the download is the whole table.
          expect(set.rows, set.name).toEqual(withoutLine(data[set.table] as object[]));
        }
      });

      it('read back as JSON to the same rows, every column present', () => {
        for (const set of sets) {
          const back = JSON.parse(datasetJson(set)) as Record<string, unknown>[];
          const names = Object.keys(set.def.schema.shape);
          for (const row of back) expect(Object.keys(row)).toEqual(names);
          const defined = back.map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)));
          expect(defined, set.name).toEqual(set.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined))));
        }
      });

      it('hold only the declared columns', () => {
        for (const set of sets) {
          const header = Papa.parse<string[]>(datasetCsv(set).slice(1)).data[0];
          expect(header).toEqual(Object.keys(set.def.schema.shape));
        }
      });
    });
  }
});

describe('Table Schema, generated from the zod schemas', () => {
  const field = (table: TableName, name: string): TableSchemaField =>
    tableSchema(TABLES[table] as unknown as TableDef).fields.find((f) => f.name === name)!;

  it('carries the Chinese titles and descriptions', () => {
    expect(field('zones', 'quota')).toMatchObject({ title: '参赛名额', type: 'integer', constraints: { required: true, minimum: 0 } });
    expect(field('energy', 'indicator').description).toContain('吨铝综合交流电耗');
  });

  it('maps each kind of cell to a Table Schema type and constraints', () => {
    expect(field('campaigns', 'year')).toMatchObject({ type: 'integer', constraints: { required: true, unique: true, minimum: 2000, maximum: 2100 } });
    expect(field('campaigns', 'report_deadline').type).toBe('yearmonth');
    expect(field('campaigns', 'email')).toMatchObject({ type: 'string', format: 'email' });
    expect(field('campaigns', 'organisers').type).toBe('string');
    expect(field('timeline', 'date')).toMatchObject({ type: 'date', constraints: {} });
    expect(field('zones', 'kind').constraints.enum).toEqual(['county', 'industry']);
    expect(field('zones', 'id').constraints.pattern).toBe('[a-z0-9]+(-[a-z0-9]+)*');
    expect(field('energy', 'value').type).toBe('number');
    expect(field('enterprises', 'sector').constraints).toEqual({});
    // The link pattern uses JavaScript-only syntax: left to the description rather than published wrong.
    expect(field('participation', 'plan').constraints.pattern).toBeUndefined();
  });

  it('names the primary key and foreign keys that point at primary keys', () => {
    for (const def of Object.values(TABLES) as TableDef[]) {
      const schema = tableSchema(def);
      expect(schema.primaryKey).toEqual(def.key);
      for (const fk of schema.foreignKeys ?? []) {
        const target = (Object.values(TABLES) as TableDef[]).find((t) => t.file === `${fk.reference.resource}.csv`);
        expect(target, fk.reference.resource).toBeDefined();
        expect(fk.reference.fields).toEqual(target!.key);
        for (const f of fk.fields) expect(schema.fields.map((x) => x.name)).toContain(f);
      }
    }
    expect(tableSchema(TABLES.energy as unknown as TableDef).foreignKeys).toEqual([
      { fields: ['year'], reference: { resource: 'campaigns', fields: ['year'] } },
      { fields: ['year', 'enterprise'], reference: { resource: 'participation', fields: ['year', 'enterprise'] } },
    ]);
  });

  it('declares only foreign keys that the build’s rules enforce', () => {
    const data = loaded.demo;
    for (const [table, def] of Object.entries(TABLES) as [TableName, TableDef][]) {
      for (const ref of def.references ?? []) {
        const rows = data[table] as Record<string, unknown>[];
        expect(rows.length, `${table} needs a row in the demo`).toBeGreaterThan(0);
        const last = ref.fields[ref.fields.length - 1]!;
        const broken = { ...rows[0], [last]: last === 'year' ? 2099 : 'no-such-id' };
        const problems = checkRules({ ...data, [table]: [broken, ...rows.slice(1)] }, { fileExists: () => true });
        expect(
          problems.some((p) => p.file === `data/${def.file}`),
          `${table}.${ref.fields.join('+')} → ${ref.table} is not checked by rules.ts`,
        ).toBe(true);
      }
    }
  });
});

describe('datapackage.json', () => {
  for (const [name, data] of Object.entries(loaded)) {
    it(`describes the ${name} files exactly: size, hash, header, and every value valid`, () => {
      const sets = datasets(siteModel(data, now));
      const pkg = dataPackage(sets, { title: '测试' });
      expect(pkg.profile).toBe('tabular-data-package');
      expect(pkg.resources.map((r) => r.path)).toEqual(sets.map((s) => `${s.name}.csv`));
      for (const [i, resource] of pkg.resources.entries()) {
        const csv = datasetCsv(sets[i]!);
        const bytes = new TextEncoder().encode(csv);
        expect(resource.bytes).toBe(bytes.byteLength);
        expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
        const [header, ...rows] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
        expect(header).toEqual(resource.schema.fields.map((f) => f.name));
        for (const row of rows) {
          resource.schema.fields.forEach((f, j) => expect(valid(f, row[j] ?? ''), `${resource.name}.${f.name}=${row[j]}`).toBe(true));
        }
        const keys = rows.map((row) => resource.schema.primaryKey.map((k) => row[header!.indexOf(k)]).join('\u0000'));
        expect(new Set(keys).size).toBe(keys.length);
        for (const fk of resource.schema.foreignKeys ?? []) {
          const target = pkg.resources.findIndex((r) => r.name === fk.reference.resource);
          const [targetHeader, ...targetRows] = Papa.parse<string[]>(datasetCsv(sets[target]!).slice(1), { skipEmptyLines: true }).data;
          const known = new Set(targetRows.map((r) => fk.reference.fields.map((k) => r[targetHeader!.indexOf(k)]).join('\u0000')));
          for (const row of rows) expect(known.has(fk.fields.map((k) => row[header!.indexOf(k)]).join('\u0000'))).toBe(true);
        }
      }
    });
  }
});

/** A cell against its Table Schema field, as a Frictionless validator would check it. */
function valid(f: TableSchemaField, cell: string): boolean {
  const c = f.constraints;
  if (cell === '') return !c.required;
  if (c.enum && !c.enum.includes(cell)) return false;
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(cell)) return false;
  switch (f.type) {
    case 'integer':
    case 'number': {
      const n = Number(cell);
      if (!Number.isFinite(n) || (f.type === 'integer' && !Number.isInteger(n))) return false;
      return (c.minimum === undefined || n >= c.minimum) && (c.maximum === undefined || n <= c.maximum);
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(cell) && !Number.isNaN(Date.parse(cell));
    case 'yearmonth':
      return /^\d{4}-(0[1-9]|1[0-2])$/.test(cell);
    default:
      return f.format !== 'email' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(cell);
  }
}
