/**
 * The second half of the check of what editors upload, the half that reads inside the files (it is
 * asynchronous, as pdf.js and sharp are): every document files.ts let through, and every picture
 * under content/ (workers' photos, pictures in articles), whether or not a page uses it yet.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../problems.ts';
import type { Finding } from './pdf.ts';

/** Findings kept by whoever calls, by kind and digest of the bytes: the same bytes read the same way say the same. */
export interface UploadCache {
  get(key: string): Finding[] | undefined;
  set(key: string, findings: Finding[]): void;
}

/** The picture kinds each extension stands for (sharp's names); the image step takes no other. */
export const PICTURE_EXTENSIONS: Record<string, readonly string[]> = {
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  png: ['png'],
  webp: ['webp'],
  gif: ['gif'],
  avif: ['avif', 'heif'],
  tif: ['tiff'],
  tiff: ['tiff'],
};

const extensionOf = (file: string) => path.posix.extname(file).slice(1).toLowerCase();

/** Reads one upload and says what is wrong with it, by what its name promises (a PDF, a picture). */
async function findingsOf(file: string, bytes: Uint8Array): Promise<Finding[]> {
  const extension = extensionOf(file);
  // pdf.js and sharp are loaded only when there is a file for them: a root without uploads waits for neither.
  if (extension === 'pdf') return (await import('./pdf.ts')).pdfFindings(bytes);
  const kinds = PICTURE_EXTENSIONS[extension];
  if (kinds) {
    const read = await (await import('./image.ts')).imageFindings(bytes, kinds);
    return 'finding' in read ? [read.finding] : [];
  }
  return [{ message: `网站不发布 .${extension} 文件`, hint: '只能放 PDF 文档和 JPG、PNG、WebP 图片' }];
}

/** Pictures under content/, found by name; links are refused elsewhere (checkNoLinks) and never read. */
function contentPictures(root: string): string[] {
  const found: string[] = [];
  const visit = (folder: string): void => {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(root, folder)).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const file = `${folder}/${name}`;
      const stat = fs.lstatSync(path.join(root, file));
      if (stat.isDirectory()) visit(file);
      else if (stat.isFile() && PICTURE_EXTENSIONS[extensionOf(name)]) found.push(file);
    }
  };
  visit('content');
  return found;
}

/**
 * Problems of the documents (paths under root, as files.ts accepted them) and of every picture
 * under content/. cache: findings of earlier runs by digest; none, every file is read.
 */
export async function checkUploads(root: string, documents: readonly string[], cache?: UploadCache): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const file of [...documents, ...contentPictures(root)]) {
    const fd = fs.openSync(path.join(root, file), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const key = `${extensionOf(file)} ${crypto.createHash('sha256').update(bytes).digest('base64url')}`;
    let findings = cache?.get(key);
    if (!findings) {
      findings = await findingsOf(file, bytes);
      cache?.set(key, findings);
    }
    for (const f of findings) problems.push({ file, ...f });
  }
  return problems;
}
