import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findUnsafePublishedFiles } from '../../../tools/published-files-scan.ts';
import { writeTree } from '../../support/tree.ts';

/** The last gate reads every published file by its content: documents, pictures, and what it cannot name. */
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const fixture = (file: string) => fs.readFileSync(path.join(FIXTURES, file));
const clean = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#3a6' } }).webp().toBuffer();
const DEMO_PDF = fs.readFileSync(path.resolve(import.meta.dirname, '../../../examples/demo/files/qinglan-lvye-2023-plan.pdf'));

describe('the publication check of files other than pages', () => {
  it('passes clean pictures, a clean PDF, the project’s code and the search index', async () => {
    const dir = writeTree({ '_astro/photo.webp': clean, 'files/plan.pdf': DEMO_PDF, '_astro/app.js': 'const n = "13800138000";', 'pagefind/x.pf_index': Buffer.from([0, 1, 2]), '_headers': '/*\n  X-Frame-Options: DENY\n' });
    expect(await findUnsafePublishedFiles(dir)).toEqual([]);
  });

  it('refuses pictures carrying metadata or a number, a PDF with script or a number, and a file it cannot recognise', async () => {
    const dir = writeTree({
      '_astro/wang-wu.jpg': fixture('files-jpeg-gps/files/a-one-photo.jpg'),
      'files/chart.png': fixture('files-png-text-chunk/files/a-one-chart.png'),
      'files/plan.pdf': fixture('files-pdf-javascript/files/a-one-2019-plan.pdf'),
      'files/author.pdf': fixture('files-pdf-author-phone/files/a-one-2019-plan.pdf'),
      'files/fake.pdf': '<html><script>alert(1)</script></html>',
      'files/blob.bin': Buffer.from([0x00, 0xff, 0x10, 0x80]),
    });
    const findings = await findUnsafePublishedFiles(dir);
    expect(findings).toEqual(
      expect.arrayContaining([
        { file: '_astro/wang-wu.jpg', message: '写有手机号码“139****5678”' },
        { file: '_astro/wang-wu.jpg', message: expect.stringMatching(/^图片带有 EXIF/) },
        { file: 'files/chart.png', message: '写有手机号码“139****5678”' },
        { file: 'files/plan.pdf', message: expect.stringContaining('JavaScript 脚本') },
        { file: 'files/author.pdf', message: '文档属性“作者”写有手机号码“139****5678”' },
        { file: 'files/fake.pdf', message: '扩展名是 .pdf，内容却不是这种文件' },
        { file: 'files/blob.bin', message: '无法识别的文件，发布检查读不了它的内容' },
      ]),
    );
  });

  it('reads a clean file again only when its bytes change', async () => {
    const dir = writeTree({ 'files/a.webp': clean });
    const cache = path.join(dir, '..', `${path.basename(dir)}-cache.json`);
    expect(await findUnsafePublishedFiles(dir, cache)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'files/a.webp'), fixture('files-png-text-chunk/files/a-one-chart.png'));
    expect((await findUnsafePublishedFiles(dir, cache)).length).toBeGreaterThan(0);
  });
});
