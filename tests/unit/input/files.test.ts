import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { copyDocuments } from '../../../src/astro/integrations/document-files.ts';
import { diskRoot } from '../../../src/input/disk-root.ts';
import { checkDocumentFiles, DOCUMENT_EXTENSIONS, MAX_DOCUMENT_BYTES } from '../../../src/input/files.ts';
import { checkPortal } from '../../../src/input/check-portal.ts';
import { readPortalData } from '../../../src/input/read.ts';
import { link } from '../../../src/input/schema/cells.ts';
import { fixtureRoot } from '../../support/fixture-root.ts';

/**
 * What may reach the published site from the editors' folders: the cases a committed fixture
 * cannot hold (links, a 20 MB file) are made here, in a fresh copy of the "good" fixture.
 */
const DEMO_PDF = fs.readFileSync(path.resolve(import.meta.dirname, '../../../examples/demo/files/qinglan-lvye-2023-plan.pdf'));
const picture = (format: 'jpeg' | 'png' | 'webp') => sharp({ create: { width: 4, height: 4, channels: 3, background: '#3a6' } }).toFormat(format).toBuffer();
const GOOD_FILES: Record<string, Buffer> = {
  'files/a-one-2019-plan.pdf': DEMO_PDF,
  'files/2019/a-one-summary.pdf': DEMO_PDF,
  'files/a-one-photo.jpg': await picture('jpeg'),
  'files/a-one-photo.jpeg': await picture('jpeg'),
  'files/a-one-chart.png': await picture('png'),
  'files/a-one-chart.webp': await picture('webp'),
};

function rootWith(files: Record<string, Buffer | string>): string {
  const root = fixtureRoot('good');
  for (const [file, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), bytes);
  }
  return root;
}

const problemsOf = (root: string) => readPortalData(diskRoot(root)).problems;

describe('files/ holds only documents editors really use', () => {
  it('accepts PDFs and JPG, PNG and WebP pictures by extension and content, and skips the system’s own files', async () => {
    const root = rootWith({ ...GOOD_FILES, 'files/.DS_Store': 'x', 'files/2019/Thumbs.db': 'x' });
    expect((await checkPortal(diskRoot(root))).problems).toEqual([]);
    expect(checkDocumentFiles(diskRoot(root)).documents).toEqual(Object.keys(GOOD_FILES).sort());
  });

  it('refuses Word, Excel, PowerPoint and WPS files, saying to save them as PDF', () => {
    const root = rootWith(Object.fromEntries(['doc', 'docx', 'xls', 'xlsx', 'pptx', 'wps', 'et', 'dps'].map((e) => [`files/a-one.${e}`, 'x'])));
    const problems = problemsOf(root);
    expect(problems).toHaveLength(8);
    for (const p of problems) expect(p).toEqual(expect.objectContaining({ message: expect.stringMatching(/^网站不发布 \.\w+ 文件（Word、Excel/), hint: expect.stringContaining('另存为') }));
  });

  it('refuses a link to a file elsewhere, and a linked folder, without following either', () => {
    const root = rootWith({ 'files/a-one-2019-plan.pdf': GOOD_FILES['files/a-one-2019-plan.pdf']! });
    fs.symlinkSync('/etc/passwd', path.join(root, 'files/a-one-2019-summary.pdf'));
    fs.symlinkSync('/etc', path.join(root, 'files/etc'));
    const message = '这是一个快捷方式（符号链接），指向别处的文件或文件夹，网站不发布';
    expect(problemsOf(root)).toEqual([
      expect.objectContaining({ file: 'files/a-one-2019-summary.pdf', message, hint: expect.stringContaining('复制') }),
      expect.objectContaining({ file: 'files/etc', message }),
    ]);
  });

  it('refuses a file over the size limit, saying how large it is', () => {
    const root = fixtureRoot('good');
    fs.mkdirSync(path.join(root, 'files'));
    const big = path.join(root, 'files/a-one-2019-plan.pdf');
    fs.writeFileSync(big, '%PDF-1.4\n');
    fs.truncateSync(big, MAX_DOCUMENT_BYTES + 3 * 1024 * 1024);
    expect(problemsOf(root)).toEqual([
      expect.objectContaining({ file: 'files/a-one-2019-plan.pdf', message: '文件有 23 MB，超过了 20 MB 的上限', hint: expect.stringContaining('PDF') }),
    ]);
  });

  it('refuses files without an extension, programs and hidden files', () => {
    const root = rootWith({ 'files/README': 'x', 'files/setup.exe': 'MZ', 'files/.hidden.pdf': '%PDF-', 'files/.git/a.pdf': '%PDF-' });
    expect(problemsOf(root).map((p) => [p.file, p.message])).toEqual([
      ['files/.git/a.pdf', '这是一个隐藏文件（文件名或文件夹名以“.”开头），网站不发布'],
      ['files/.hidden.pdf', '这是一个隐藏文件（文件名或文件夹名以“.”开头），网站不发布'],
      ['files/README', '文件没有扩展名，看不出是什么文件，网站不发布'],
      ['files/setup.exe', '网站不发布 .exe 文件'],
    ]);
  });

  it('copies only the checked files, as regular files', async () => {
    const root = rootWith({ ...GOOD_FILES, 'files/.DS_Store': 'x' });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-files-out-'));
    await copyDocuments(root, out, (await checkPortal(diskRoot(root))).documents);
    const copied = fs.readdirSync(path.join(out, 'files'), { recursive: true, encoding: 'utf8' }).filter((f) => fs.lstatSync(path.join(out, 'files', f)).isFile());
    expect(copied.map((f) => `files/${f}`).sort()).toEqual(Object.keys(GOOD_FILES).sort());
    expect(fs.readFileSync(path.join(out, 'files/a-one-2019-plan.pdf'))).toEqual(GOOD_FILES['files/a-one-2019-plan.pdf']);
  });

  it('never lists a refused file among those to copy', async () => {
    const root = rootWith({ 'files/a.html': '<script></script>', 'files/b.pdf': '%PDF-1.4 <html>', 'files/c.pdf': DEMO_PDF });
    const checked = await checkPortal(diskRoot(root));
    expect(checked.problems.map((p) => p.file)).toEqual(['files/a.html', 'files/b.pdf']);
    expect(checked.documents).toEqual(['files/c.pdf']);
  });

  it('the tables’ links accept the same kinds, and no name leaving files/', () => {
    const cell = link({ title: '实施方案' });
    for (const extension of DOCUMENT_EXTENSIONS) expect(cell.safeParse(`a-one.${extension}`).success, extension).toBe(true);
    for (const bad of ['a-one.html', 'a-one.svg', 'a-one.docx', 'a one.pdf', 'a-one.PDF', '../a-one.pdf', 'x/../../a-one.pdf', '.a-one.pdf']) expect(cell.safeParse(bad).success, bad).toBe(false);
  });

  it('a table’s link with a space, an upper-case extension or an Office kind says what to write instead', () => {
    const cell = link({ title: '实施方案' });
    const message = (value: string) => cell.safeParse(value).error?.issues[0]?.message;
    expect(message('a-one 2019 plan.pdf')).toBe('文件名里有空格：把文件改名为“a-one-2019-plan.pdf”，这里也写“a-one-2019-plan.pdf”');
    expect(message('a-one-2019-plan.PDF')).toBe('扩展名要小写：把文件改名为“a-one-2019-plan.pdf”，这里也写“a-one-2019-plan.pdf”');
    expect(message('a-one-2019-plan.docx')).toMatch(/^网站不发布 \.docx 文件：.*另存为 PDF/);
  });

  it('a table’s link to a refused file names the file’s problem, not “does not exist”', () => {
    const root = rootWith({ 'files/a-one-2019-summary.pdf': '<html>' });
    fs.writeFileSync(path.join(root, 'data/participation.csv'), 'year,enterprise,plan,summary\n2019,a-one,,a-one-2019-summary.pdf\n2019,a-two,,\n2019,c-one,,\n2019,c-two,,\n');
    expect(problemsOf(root).map((p) => p.message)).toEqual(['文件的扩展名是 .pdf，但内容不是 PDF 文件']);
  });
});

describe('no links under content/ and data/, no pictures from outside the content root', () => {
  it('refuses a news file that is a link to a file elsewhere', () => {
    const root = fixtureRoot('good');
    fs.symlinkSync('/etc/passwd', path.join(root, 'content/news/n-two.md'));
    // Reported once, and never opened: reading it would give problems about /etc/passwd's text.
    expect(problemsOf(root).map((p) => [p.file, p.message])).toEqual([
      ['content/news/n-two.md', '这是一个快捷方式（符号链接），指向别处的文件或文件夹，网站不发布'],
    ]);
  });

  it('refuses a Markdown link that climbs out of files/', () => {
    const root = fixtureRoot('good');
    fs.appendFileSync(path.join(root, 'content/news/n-one.md'), '\n[数据](/files/../data/zones.csv)\n');
    expect(problemsOf(root).map((p) => [p.file, p.message])).toEqual([['content/news/n-one.md', '链接的文件“/files/../data/zones.csv”不存在']]);
  });

  it('refuses a photo reached through a linked folder, and a photo that is a link', () => {
    const root = fixtureRoot('good');
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-elsewhere-'));
    fs.writeFileSync(path.join(elsewhere, 'wang-wu.png'), GOOD_FILES['files/a-one-chart.png']!);
    fs.symlinkSync(elsewhere, path.join(root, 'content/workers/photos'));
    const worker = path.join(root, 'content/workers/wang-wu.md');
    fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace('role: 班长\n', 'role: 班长\nphoto: ./photos/wang-wu.png\n'));
    expect(problemsOf(root)).toContainEqual(
      expect.objectContaining({ file: 'content/workers/wang-wu.md', line: 6, field: 'photo', message: '照片文件“./photos/wang-wu.png”是快捷方式（符号链接），或在快捷方式指向的文件夹里，网站不能使用' }),
    );
    fs.rmSync(path.join(root, 'content/workers/photos'));
    fs.mkdirSync(path.join(root, 'content/workers/photos'));
    fs.symlinkSync(path.join(elsewhere, 'wang-wu.png'), path.join(root, 'content/workers/photos/wang-wu.png'));
    expect(problemsOf(root)).toContainEqual(expect.objectContaining({ field: 'photo', message: expect.stringContaining('是快捷方式（符号链接）') }));
  });

  it('accepts a picture inside the content root, also from another folder of it', () => {
    const root = rootWith({ 'files/a-one-chart.png': GOOD_FILES['files/a-one-chart.png']! });
    fs.appendFileSync(path.join(root, 'content/news/n-one.md'), '\n![图表](../../files/a-one-chart.png)\n\n<img src="../../files/a-one-chart.png" alt="图表">\n');
    expect(problemsOf(root)).toEqual([]);
  });
});
