import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { checkPortal } from '../../../src/input/check-portal.ts';
import { CONTENT } from '../../../src/input/schema/frontmatter.ts';
import { TABLES } from '../../../src/input/schema/tables.ts';
import { fields } from '../../../src/input/table.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

/** EDITING.md stays true to the code: every column, every field, every error an editor can meet. */
const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../EDITING.md'), 'utf8');

describe('EDITING.md', () => {
  it('names every table and every column', () => {
    const missing = Object.values(TABLES).flatMap((def) => [
      ...(doc.includes(`\`${def.file}\``) ? [] : [def.file]),
      ...fields(def as never).filter((f) => !doc.includes(`\`${f.name}\``)).map((f) => `${def.file}:${f.name}`),
    ]);
    expect(missing).toEqual([]);
  });

  it('names every frontmatter field of news, stories and workers', () => {
    const missing = (['news', 'stories', 'workers'] as const).flatMap((c) =>
      Object.keys((CONTENT[c].schema as unknown as { shape: object }).shape).filter((k) => !doc.includes(`\`${k}\``)).map((k) => `${c}:${k}`),
    );
    expect(missing).toEqual([]);
  });

  it('explains every problem the bad fixtures produce, uploads’ contents included', async () => {
    const section = doc.slice(doc.indexOf('## 七、错误信息与改法'), doc.indexOf('## 八、'));
    // First cells of the tables: the report's own wording, "……" and N/M/X/Y standing for what varies.
    const sayings = [...section.matchAll(/^\| ([^|]+?) \|/gm)]
      .map((m) => m[1]!)
      .filter((cell) => cell !== '报告中的说法' && !/^-+$/.test(cell))
      .flatMap((cell) => cell.split(' / '))
      .map((s) => new RegExp(s.replace(/[.*+?^${}()[\]\\]/g, '\\$&').replace(/……|\\\.\\\.\\\./g, '.*').replace(/\b[NMXY]\b/g, '\\S+')));
    const fixtures = fs.readdirSync(path.resolve(import.meta.dirname, '../../fixtures')).filter((n) => n !== 'good');
    const unexplained: string[] = [];
    for (const name of fixtures) {
      const { problems } = await checkPortal(diskRoot(fixtureRoot(name)));
      unexplained.push(...problems.filter((p) => !sayings.some((re) => re.test(p.message))).map((p) => `${name}: ${p.message}`));
    }
    expect(unexplained).toEqual([]);
  });
});
