import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromMarkdown, toMarkdown } from '../../../src/cms/frontmatter-format.ts';

/** Stories and notices read and written back by the CMS are the same files, byte for byte. */
const files = ['.', 'examples/demo'].flatMap((root) =>
  ['stories', 'notices'].flatMap((dir) => {
    const folder = path.join(root, 'content', dir);
    return fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => /\.mdx?$/.test(f)).map((f) => path.join(folder, f)) : [];
  }),
);

describe('the exact frontmatter format', () => {
  it('has files to check', () => expect(files.length).toBeGreaterThan(4));

  for (const file of files) {
    it(`round-trips ${file}`, () => {
      const text = fs.readFileSync(file, 'utf8');
      expect(toMarkdown(fromMarkdown(text))).toBe(text);
    });
  }

  it('changes only the edited field, and keeps the body as it is', () => {
    const text = '---\ntitle: 甲\nsummary: 乙\n---\n\n<DataTable caption="表" />\n\n正文。\n';
    const data = fromMarkdown(text);
    expect(data).toEqual({ title: '甲', summary: '乙', body: '<DataTable caption="表" />\n\n正文。', body_edges: '["\\n","\\n"]' });
    expect(toMarkdown({ ...data, summary: '丙：丁' })).toBe('---\ntitle: 甲\nsummary: 丙：丁\n---\n\n<DataTable caption="表" />\n\n正文。\n');
  });

  it('puts back the blank lines Sveltia trims from a field, and gives a new file those of npm run new', () => {
    const text = '---\ntitle: 甲\n---\n\n\n正文。\n\n';
    const data = fromMarkdown(text);
    expect(toMarkdown({ ...data, body: `  ${String(data.body)}\n` })).toBe(text);
    expect(toMarkdown({ title: '乙', body: '正文。' })).toBe('---\ntitle: 乙\n---\n\n正文。\n');
  });
});
