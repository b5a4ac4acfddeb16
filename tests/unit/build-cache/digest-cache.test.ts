import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeVersion, digest, readDigestCache, writeDigestCache } from '../../../src/build-cache/digest-cache.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'portal-digest-cache-'));

describe('a cache kept by digest between builds', () => {
  it('gives back what was written, for the same code version only', () => {
    const file = path.join(tmp(), 'deep', 'cache.json');
    writeDigestCache(file, 'v1', new Map([[digest('正文'), { n: 1 }]]));
    expect(readDigestCache(file, 'v1')).toEqual(new Map([[digest(Buffer.from('正文')), { n: 1 }]]));
    expect(readDigestCache(file, 'v2')).toEqual(new Map());
    expect(fs.readdirSync(path.dirname(file))).toEqual(['cache.json']);
  });

  it('ignores a missing, unreadable or foreign file, without an error', () => {
    const dir = tmp();
    expect(readDigestCache(path.join(dir, 'none.json'), 'v1')).toEqual(new Map());
    expect(readDigestCache(undefined, 'v1')).toEqual(new Map());
    for (const text of ['{"version":"v1","entries":[["a",1]', '', 'null', '{"version":"v1","entries":{"a":1}}', '{"version":"v1","entries":[1,2]}', '{"version":"v1","pages":[["a",1]]}']) {
      fs.writeFileSync(path.join(dir, 'bad.json'), text);
      expect(readDigestCache(path.join(dir, 'bad.json'), 'v1'), text).toEqual(new Map());
    }
  });

  it('changes with any source file or package that decides the answers, and not otherwise', () => {
    const base = codeVersion(['tools/privacy-scan.ts'], ['entities']);
    expect(codeVersion(['tools/privacy-scan.ts'], ['entities'])).toBe(base);
    expect(codeVersion(['tools/privacy-scan.ts', 'src/input/privacy.ts'], ['entities'])).not.toBe(base);
    expect(codeVersion(['tools/privacy-scan.ts'], ['entities', 'htmlparser2'])).not.toBe(base);
    // A folder counts its files: the same as naming them.
    const folder = 'src/input/markup';
    const files = fs.readdirSync(folder).filter((n) => n.endsWith('.ts')).sort().map((n) => `${folder}/${n}`);
    expect(codeVersion([folder])).toBe(codeVersion(files));
    // A package counts what it depends on, as installed: remark-mdx brings its MDX syntax tree along.
    expect(codeVersion([], ['remark-mdx', 'mdast-util-mdx'])).toBe(codeVersion([], ['remark-mdx']));
    expect(codeVersion([], ['mdast-util-mdx'])).not.toBe(codeVersion([]));
  });
});
