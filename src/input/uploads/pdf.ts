/**
 * What a PDF under files/ holds, read with well-kept libraries rather than by hand: its text and
 * properties with pdf.js (Mozilla's reader, the one Firefox shows PDFs with), its active content
 * by walking every object of the file with pdf-lib. A document is published only when pdf.js can
 * open it and read every page, nothing in it can run or launch anything, and neither its text nor
 * its properties hold a personal number.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib';
import { findPrivateNumbers, PRIVATE_HINT, PRIVATE_KIND } from '../privacy.ts';

/** A finding in one file: what, and how to fix it (the file is named by whoever reports it). */
export interface Finding {
  message: string;
  hint: string;
}

/** The document properties a PDF carries, with the names Word and WPS show them under. */
const PROPERTIES: Record<string, string> = {
  Title: '标题',
  Author: '作者',
  Subject: '主题',
  Keywords: '关键词',
  Creator: '创建程序',
  Producer: '生成程序',
};

/**
 * pdf.js's own data, read from the installed package: the character maps of Chinese fonts that are
 * not embedded (UniGB-UCS2-H …, without which such text cannot be read) and the standard fonts.
 */
const PDFJS = path.dirname(fileURLToPath(import.meta.resolve('pdfjs-dist/package.json')));
const DATA = { cMapUrl: `${PDFJS}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${PDFJS}/standard_fonts/` };

const RESAVE = '用 Word 或 WPS 打开原文档，“另存为”或“输出为”PDF 后重新放进 files/';

/**
 * Active content, by the names the PDF standard (ISO 32000) gives it: actions that run script,
 * start a program, submit or import form data or play media (/S), and attached files (/Type,
 * /Subtype, and the document's attachment list). Said in Chinese for the editor.
 */
const ACTIONS: Record<string, string> = {
  JavaScript: 'JavaScript 脚本',
  Launch: '启动其他程序或文件的动作（Launch）',
  SubmitForm: '把表单内容提交到网址的按钮（SubmitForm）',
  ImportData: '导入数据的动作（ImportData）',
  RichMediaExecute: '多媒体脚本（RichMedia）',
  Rendition: '播放媒体的动作（Rendition）',
  GoToE: '打开附件的动作（GoToE）',
};
const TYPES: Record<string, string> = {
  EmbeddedFile: '附件（嵌入的文件）',
  FileAttachment: '附件（嵌入的文件）',
  RichMedia: '多媒体内容（RichMedia）',
  Movie: '视频（Movie）',
  Sound: '声音（Sound）',
  Screen: '多媒体内容（Screen）',
};
/** Keys whose mere presence means script, attachments or an XML form (XFA) that a reader runs. */
const KEYS: Record<string, string> = {
  JS: 'JavaScript 脚本',
  JavaScript: 'JavaScript 脚本',
  EmbeddedFiles: '附件（嵌入的文件）',
  XFA: '可填写并提交的 XML 表单（XFA）',
};

/** Every problem of one PDF; empty when it may be published. */
export async function pdfFindings(bytes: Uint8Array): Promise<Finding[]> {
  const read = await readPdf(bytes);
  if ('refused' in read) return [read.refused];
  const findings: Finding[] = [];
  const active = await activeContent(bytes);
  if (active === undefined) {
    findings.push({ message: 'PDF 的内部结构无法逐项读取，查不了其中有没有脚本或附件（文件可能已损坏）', hint: RESAVE });
  } else if (active.length > 0) {
    findings.push({
      message: `PDF 里有 ${active.join('、')}，网站不发布会运行程序、提交表单或带附件的文档`,
      hint: `${RESAVE}；用“打印为 PDF”也可以去掉脚本、表单和附件；附件要单独发布时，另存为 PDF 后各自放进 files/`,
    });
  }
  for (const [where, text] of read.texts) {
    const seen = new Set<string>();
    for (const n of findPrivateNumbers(text)) {
      const found = `${PRIVATE_KIND[n.kind]}“${n.masked}”`;
      if (seen.has(found)) continue;
      seen.add(found);
      const fix = where.includes('文档属性') ? '在 Word 或 WPS 的“文件 → 属性”（或“文档属性”）里删除这个号码，再' : `${PRIVATE_HINT}；在原文档中删除后，`;
      findings.push({ message: `${where}写有${found}`, hint: `${fix}${RESAVE}` });
    }
  }
  return findings;
}

/** Each text of the PDF with where it is, for the editor: 第 N 页, 文档属性“作者”. */
type Read = { texts: [string, string][] } | { refused: Finding };

async function readPdf(bytes: Uint8Array): Promise<Read> {
  // pdf.js takes the buffer over: give it a copy. No fonts loaded, no code evaluated, no warnings printed.
  const task = getDocument({ data: new Uint8Array(bytes), ...DATA, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true, verbosity: 0 });
  try {
    const pdf = await task.promise;
    if (pdf.numPages === 0) return { refused: notAPdf('一页也没有') };
    const { info, metadata } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown>; metadata: { getAll(): Record<string, unknown> } | null };
    if (info.EncryptFilterName) {
      return { refused: { message: 'PDF 加了密码或权限保护，网站无法检查其中的内容', hint: `${RESAVE}，导出时不要设置密码或权限` } };
    }
    const texts: [string, string][] = [];
    for (const [key, name] of Object.entries(PROPERTIES)) if (typeof info[key] === 'string') texts.push([`文档属性“${name}”`, info[key]]);
    const custom = info.Custom;
    if (custom && typeof custom === 'object') for (const [key, value] of Object.entries(custom)) texts.push([`自定义文档属性“${key}”`, String(value)]);
    // XMP: the same properties again (dc:creator, pdf:Keywords …), kept by Word, WPS and Acrobat.
    for (const [key, value] of Object.entries(metadata?.getAll() ?? {})) texts.push([`文档属性（XMP）“${key}”`, Array.isArray(value) ? value.join('\n') : String(value)]);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      // A line break between items that end a line, so figures on neighbouring lines do not join.
      texts.push([`第 ${n} 页`, content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('')]);
      page.cleanup();
    }
    return { texts };
  } catch (error) {
    if ((error as { name?: string }).name === 'PasswordException') {
      return { refused: { message: 'PDF 设置了打开密码，网站无法检查其中的内容', hint: `${RESAVE}，导出时不要设置密码` } };
    }
    return { refused: notAPdf('无法按 PDF 读取（文件损坏，或是改了扩展名的其他文件）') };
  } finally {
    await task.destroy();
  }
}

function notAPdf(why: string): Finding {
  return { message: `文件的扩展名是 .pdf，但内容不是可以阅读的 PDF 文档：${why}`, hint: `${RESAVE}；不要只改文件名的扩展名` };
}

/** What in the file could run, launch, submit or carry another file, each kind named once; undefined when pdf-lib cannot read its objects. */
async function activeContent(bytes: Uint8Array): Promise<string[] | undefined> {
  let doc: PDFDocument;
  try {
    // Names are never encrypted, so an owner-password file's actions are still seen; nothing is written back.
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return undefined;
  }
  const found = new Set<string>();
  const seen = new Set<PDFObject>();
  // Every object of the file, not only those reachable from the pages: a reader may find the others too.
  const stack: PDFObject[] = doc.context.enumerateIndirectObjects().map(([, object]) => object);
  while (stack.length > 0) {
    const object = stack.pop()!;
    if (seen.has(object)) continue;
    seen.add(object);
    const dict = object instanceof PDFRawStream ? object.dict : object instanceof PDFDict ? object : undefined;
    if (object instanceof PDFArray) stack.push(...object.asArray());
    if (!dict) continue;
    for (const [key, value] of dict.entries()) {
      const name = key.decodeText();
      if (KEYS[name]) found.add(KEYS[name]);
      if (value instanceof PDFName) {
        const said = name === 'S' ? ACTIONS[value.decodeText()] : name === 'Type' || name === 'Subtype' ? TYPES[value.decodeText()] : undefined;
        if (said) found.add(said);
      } else stack.push(value);
    }
  }
  return [...found].sort();
}
