import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { copyDocuments } from '../../../src/astro/integrations/document-files.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import type { Problem } from '../../../src/input/problems.ts';
import { checkPortal } from '../../../src/input/check-portal.ts';
import { cleanImage, imageMetadata, MAX_IMAGE_PIXELS } from '../../../src/input/uploads/image.ts';
import { pdfFindings } from '../../../src/input/uploads/pdf.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

/**
 * What editors upload is read before it is published: each fixture (made by
 * tests/support/make-upload-fixtures.ts) holds one upload, and gives exactly the problem the
 * editor needs, or none when the upload is cleaned instead.
 */
const problemsOf = async (name: string): Promise<Problem[]> => (await checkPortal(diskRoot(fixtureRoot(name)))).problems;
const PLAN = 'files/a-one-2019-plan.pdf';

const CASES: [string, Partial<Problem>[]][] = [
  [
    'files-pdf-private-text',
    [
      { file: PLAN, message: '第 1 页写有身份证号码“110105********002X”', hint: expect.stringContaining('另存为') },
      { file: PLAN, message: '第 1 页写有手机号码“139****5678”' },
    ],
  ],
  ['files-pdf-cjk-font', [{ file: PLAN, message: '第 1 页写有手机号码“139****5678”' }]],
  ['files-pdf-author-phone', [{ file: PLAN, message: '文档属性“作者”写有手机号码“139****5678”', hint: expect.stringContaining('属性') }]],
  ['files-pdf-javascript', [{ file: PLAN, message: 'PDF 里有 JavaScript 脚本，网站不发布会运行程序、提交表单或带附件的文档', hint: expect.stringContaining('打印为 PDF') }]],
  ['files-pdf-attachment', [{ file: PLAN, message: expect.stringMatching(/^PDF 里有 附件（嵌入的文件），/) }]],
  ['files-pdf-html', [{ file: PLAN, message: expect.stringMatching(/^文件的扩展名是 \.pdf，但内容不是可以阅读的 PDF 文档/) }]],
  ['files-docx', [{ file: 'files/a-one-2019-plan.docx', message: expect.stringMatching(/^网站不发布 \.docx 文件/), hint: expect.stringContaining('PDF') }]],
  ['worker-photo-bomb', [{ file: 'content/workers/photos/wang-wu.png', message: '图片有 30000 × 30000 像素（90000 万像素），超过了 4000 万像素的上限' }]],
  ['worker-photo-false-size', [{ file: 'content/workers/photos/wang-wu.jpg', message: '图片有 16500 × 16500 像素（27225 万像素），超过了 4000 万像素的上限' }]],
  ['worker-photo-truncated', [{ file: 'content/workers/photos/wang-wu.jpg', message: '图片声明有 2000 × 2000 像素，但无法完整读取（文件里的图像数据不足或已损坏）' }]],
  [
    'files-names',
    [
      { file: 'files/a-one 2019 plan.pdf', message: '文件名“a-one 2019 plan.pdf”有空格，表格和文章里无法链接到它', hint: expect.stringContaining('改名为“a-one-2019-plan.pdf”') },
      { file: 'files/a-one-2019-summary.PDF', message: '扩展名 .PDF 是大写的，网站只认小写的扩展名', hint: expect.stringContaining('改名为“a-one-2019-summary.pdf”') },
      { file: 'files/Plan.pdf', message: '与 files/plan.pdf 只有字母大小写不同，在网站上是同一个地址' },
      { file: 'files/plan.pdf', message: '与 files/Plan.pdf 只有字母大小写不同，在网站上是同一个地址' },
    ],
  ],
];

describe('uploads are read before they are published', () => {
  it.each(CASES)('%s', async (name, expected) => {
    const problems = await problemsOf(name);
    expect(problems).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it('finds actions inside compressed object streams, where the raw bytes do not show them', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]).drawText('x', { font: await doc.embedFont(StandardFonts.Helvetica) });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(doc.context.obj({ Type: 'Action', S: 'SubmitForm', F: PDFString.of('http://example.com/') })));
    doc.getPage(0).node.set(PDFName.of('AA'), doc.context.obj({ O: doc.context.register(doc.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') })) }));
    const bytes = await doc.save({ useObjectStreams: true });
    expect(Buffer.from(bytes).includes('SubmitForm')).toBe(false);
    expect((await pdfFindings(bytes)).map((f) => f.message)).toEqual([
      'PDF 里有 启动其他程序或文件的动作（Launch）、把表单内容提交到网址的按钮（SubmitForm），网站不发布会运行程序、提交表单或带附件的文档',
    ]);
  });

  it('a text chunk and GPS are no reason to refuse a picture under files/: it is published cleaned', async () => {
    for (const [name, file] of [
      ['files-jpeg-gps', 'files/a-one-photo.jpg'],
      ['files-png-text-chunk', 'files/a-one-chart.png'],
    ] as const) {
      const root = fixtureRoot(name);
      const original = fs.readFileSync(path.join(root, file));
      expect(await imageMetadata(original), name).not.toEqual([]);
      expect(original.includes('13912345678'), name).toBe(true);
      const checked = await checkPortal(diskRoot(root));
      expect(checked.problems).toEqual([]);
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-uploads-out-'));
      await copyDocuments(root, out, checked.documents);
      const published = fs.readFileSync(path.join(out, file));
      expect(await imageMetadata(published), name).toEqual([]);
      expect(published.includes('13912345678'), name).toBe(false);
      expect(published.includes('Zhang'), name).toBe(false);
      // The editor's file is left as it was.
      expect(fs.readFileSync(path.join(root, file))).toEqual(original);
    }
  });

  it('a cleaned picture is turned as its camera said', async () => {
    const sideways = await sharp({ create: { width: 6, height: 2, channels: 3, background: '#888' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const meta = await sharp(await cleanImage(sideways)).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([2, 6, undefined]);
  });

  it('the limit is the one EDITING.md states', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../EDITING.md'), 'utf8');
    expect(doc).toContain(`${MAX_IMAGE_PIXELS / 10_000} 万像素`);
  });

  it('an upload is read once: the cache answers for the same bytes', async () => {
    const root = fixtureRoot('files-pdf-author-phone');
    const cache = new Map<string, { message: string; hint: string }[]>();
    const first = await checkPortal(diskRoot(root), { uploads: cache });
    expect(cache.size).toBe(1);
    const [key] = cache.keys();
    cache.set(key!, []);
    // Answered from the cache (here emptied by hand): the file is not read again.
    expect((await checkPortal(diskRoot(root), { uploads: cache })).problems.length).toBe(first.problems.length - 1);
  });
});
