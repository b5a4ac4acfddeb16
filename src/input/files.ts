import { baseName, type ContentRoot, type EntryKind } from './content-root.ts';
import type { Problem } from './problems.ts';

/**
 * What editors may publish under files/, and the first bytes each kind begins with: PDF documents,
 * and JPG, PNG and WebP pictures (published cleaned: src/input/uploads/image.ts). What is inside is
 * read afterwards (src/input/uploads/check.ts). Anything a browser could run on the portal's origin
 * (HTML, SVG, JavaScript) is not here; nor are Office files, which the build cannot read as surely
 * as a PDF (macros, embedded objects, tracked changes and comments): editors save them as PDF.
 * The `link` cell type of the tables accepts the same extensions.
 */
const KINDS = [
  { name: 'PDF', extensions: ['pdf'], starts: (b: Uint8Array) => startsWith(b, [...ascii('%PDF-')]) },
  { name: 'JPG 图片', extensions: ['jpg', 'jpeg'], starts: (b: Uint8Array) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { name: 'PNG 图片', extensions: ['png'], starts: (b: Uint8Array) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  {
    name: 'WebP 图片',
    extensions: ['webp'],
    starts: (b: Uint8Array) => startsWith(b, [...ascii('RIFF')]) && startsWith(b.subarray(8), [...ascii('WEBP')]),
  },
] as const;

/** Every extension a document under files/ may have, lower case. */
export const DOCUMENT_EXTENSIONS: readonly string[] = KINDS.flatMap((k) => k.extensions);

/** The pictures among them: published re-encoded, without metadata. */
export const PICTURE_DOCUMENT = /\.(jpe?g|png|webp)$/;

/** Office and WPS documents, refused with the way to a PDF. */
const OFFICE = /^(docx?|docm|dotx?|xlsx?|xlsm|xltx?|pptx?|pptm|ppsx?|wps|wpt|et|ett|dps|dpt|odt|ods|odp|rtf)$/;

/** Larger files are refused: a reader on a phone should not download more to read a plan or a summary. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * Files the operating system leaves in folders on its own (Finder, Explorer): editors never see
 * them, so a problem about them would puzzle; they are skipped, never published.
 */
const SYSTEM_FILES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini']);

const KNOWN = '只能放 PDF 文档和 JPG、PNG、WebP 图片';

/**
 * The characters a name under files/ may have: those a table's link cell accepts (letters, digits,
 * "_", "-", ".", Chinese characters), so every file can be linked, and its address needs no escaping.
 */
const NAME = /^[\w\-.\u4e00-\u9fff]+$/;

export interface CheckedDocuments {
  /** Paths relative to the content root ("files/a-one-2019-plan.pdf") of the files that may be published. */
  documents: string[];
  /** Every regular file found under files/, accepted or not: what "exists" means to the tables' links. */
  present: Set<string>;
  problems: Problem[];
}

/**
 * Checks the content root's files/ folder: only regular files (no shortcuts/symbolic links, no
 * special files), of the kinds above by extension and by their first bytes, no larger than
 * MAX_DOCUMENT_BYTES. Never throws for editors' mistakes: each refused file is a problem.
 */
export function checkDocumentFiles(root: ContentRoot): CheckedDocuments {
  const result: CheckedDocuments = { documents: [], present: new Set(), problems: [] };
  const stat = root.stat('files');
  if (!stat) return result;
  if (stat.kind !== 'folder') {
    result.problems.push(notRegular('files', stat.kind));
    return result;
  }
  walk(root, 'files', (file, entry) => {
    const base = baseName(file);
    if (entry.kind === 'file' && SYSTEM_FILES.has(base.toLowerCase())) return;
    if (entry.kind !== 'file') {
      result.problems.push(notRegular(file, entry.kind));
      return;
    }
    result.present.add(file);
    const problem = checkDocument(root, file, entry.size);
    if (problem) result.problems.push(problem);
    else result.documents.push(file);
  });
  result.problems.push(...caseTwins([...result.present]));
  const twins = new Set(result.problems.map((p) => p.file));
  result.documents = result.documents.filter((file) => !twins.has(file));
  return result;
}

/**
 * Two names that differ only in upper and lower case (Plan.pdf beside plan.pdf) are one address on
 * a host that ignores case (Windows, macOS, many web servers): which one readers get is chance.
 */
function caseTwins(files: string[]): Problem[] {
  const byLower = new Map<string, string[]>();
  for (const file of files) byLower.set(file.toLowerCase(), [...(byLower.get(file.toLowerCase()) ?? []), file]);
  return [...byLower.values()]
    .filter((same) => same.length > 1)
    .flatMap((same) =>
      same.map((file) => ({
        file,
        message: `与 ${same.filter((f) => f !== file).join('、')} 只有字母大小写不同，在网站上是同一个地址`,
        hint: `保留其中一个，删除其余的；要两个都发布，就给其中一个改个不同的名字，例如 ${suggestedName(baseName(file)).replace(/(\.[^.]+)$/, '-2$1')}`,
      })),
    );
}

/**
 * The name to rename a file to: spaces and other characters a link cannot hold become "-", the
 * extension lower case ("Plan 2019 (final).PDF" → "Plan-2019-final.pdf").
 */
export function suggestedName(name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot).toLowerCase() : '';
  const clean = stem.replace(/[^\w\-.\u4e00-\u9fff]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  return `${clean || 'file'}${extension}`;
}

/**
 * Shortcuts (symbolic links) and special files anywhere under content/ and data/: a news file
 * that is a link to a file elsewhere on the computer would publish that file.
 */
export function checkNoLinks(root: ContentRoot, folders: readonly string[] = ['content', 'data']): Problem[] {
  const problems: Problem[] = [];
  for (const folder of folders) {
    const stat = root.stat(folder);
    if (!stat) continue;
    if (stat.kind !== 'folder') {
      problems.push(notRegular(folder, stat.kind));
      continue;
    }
    walk(root, folder, (file, entry) => {
      if (entry.kind !== 'file') problems.push(notRegular(file, entry.kind));
    });
  }
  return problems;
}

/** The extension list for a regular expression, longest first so "docx" is not read as "doc". */
export function extensionPattern(): string {
  return [...DOCUMENT_EXTENSIONS].sort((a, b) => b.length - a.length).join('|');
}

function checkDocument(root: ContentRoot, file: string, size: number): Problem | undefined {
  const name = baseName(file);
  if (file.split('/').some((part) => part.startsWith('.'))) {
    return { file, message: '这是一个隐藏文件（文件名或文件夹名以“.”开头），网站不发布', hint: `删除它；${KNOWN}，文件名和文件夹名不要以“.”开头` };
  }
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const kind = KINDS.find((k) => (k.extensions as readonly string[]).includes(extension));
  if (!kind) return unknownKind(file, extension);
  const rename = nameProblem(file);
  if (rename) return rename;
  if (size > MAX_DOCUMENT_BYTES) {
    return {
      file,
      message: `文件有 ${megabytes(size)} MB，超过了 ${megabytes(MAX_DOCUMENT_BYTES)} MB 的上限`,
      hint: '把图片压缩后重新插入文档再另存为 PDF（Word 另存为时选“最小文件大小”），或把文件拆成几个',
    };
  }
  // No bytes: a git host's file the CMS's check knows by its size only (content-root.ts).
  const head = root.head(file, 16);
  if (head && !kind.starts(head)) {
    return {
      file,
      message: `文件的扩展名是 .${extension}，但内容不是 ${kind.name} 文件`,
      hint: `用制作它的软件打开，“另存为”${kind.name}格式后放进 files/；不要只改文件名的扩展名`,
    };
  }
  return undefined;
}

/** A name a link cannot hold as written, or with an upper-case extension: what to rename it to. */
function nameProblem(file: string): Problem | undefined {
  const parts = file.split('/');
  const bad = parts.findIndex((part) => !NAME.test(part));
  const name = parts[parts.length - 1]!;
  const extension = name.slice(name.lastIndexOf('.') + 1);
  if (bad >= 0) {
    const part = parts[bad]!;
    const what = /\s/.test(part) ? '有空格' : `有链接里不能用的字符（${[...new Set(part.replace(/[\w\-.\u4e00-\u9fff]/g, ''))].join(' ')}）`;
    const folder = bad < parts.length - 1;
    const to = suggestedName(part);
    return {
      file,
      message: `${folder ? '文件夹' : '文件'}名“${part}”${what}，表格和文章里无法链接到它`,
      hint: `把“${part}”改名为“${to}”（只用字母、数字、汉字、“-”和“_”），表格里的文件名也照此改`,
    };
  }
  if (extension !== extension.toLowerCase()) {
    return {
      file,
      message: `扩展名 .${extension} 是大写的，网站只认小写的扩展名`,
      hint: `把“${name}”改名为“${suggestedName(name)}”，表格里的文件名也照此改`,
    };
  }
  return undefined;
}

function unknownKind(file: string, extension: string): Problem {
  if (extension === '') return { file, message: '文件没有扩展名，看不出是什么文件，网站不发布', hint: `${KNOWN}；文件名要带扩展名，如 plan.pdf` };
  if (OFFICE.test(extension)) {
    return {
      file,
      message: `网站不发布 .${extension} 文件（Word、Excel、PPT、WPS 文档里可能藏有宏、批注、修订记录和隐藏内容，网站无法逐一检查）`,
      hint: `用 Word、Excel 或 WPS 打开，“文件 → 另存为”（WPS 也可“输出为 PDF”）选 PDF 格式，把得到的 .pdf 文件放进 files/，表格里的文件名也改成 .pdf`,
    };
  }
  const hint =
    extension === 'svg'
      ? 'SVG 图片里可以藏有程序：用图片软件另存为 PNG 或 JPG 后放进 files/'
      : /^(html?|xhtml|mht|mhtml|js|mjs)$/.test(extension)
        ? '网页文件里可以藏有程序：用 Word 或浏览器打开，另存为（或打印为）PDF 后放进 files/'
        : `${KNOWN}：用制作它的软件另存为 PDF 后放进 files/`;
  return { file, message: `网站不发布 .${extension} 文件`, hint };
}

function notRegular(file: string, kind: EntryKind): Problem {
  if (kind === 'link') {
    return {
      file,
      message: '这是一个快捷方式（符号链接），指向别处的文件或文件夹，网站不发布',
      hint: '删除这个快捷方式，把要发布的文件本身复制到这里',
    };
  }
  return { file, message: '这不是普通的文件或文件夹，网站不发布', hint: '删除它，把要发布的文件本身复制到这里' };
}

/** Every entry under root/folder, depth first in name order, without following any link. */
function walk(root: ContentRoot, folder: string, visit: (file: string, entry: { kind: EntryKind; size: number }) => void): void {
  for (const entry of root.list(folder).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const file = `${folder}/${entry.name}`;
    if (entry.kind === 'folder') walk(root, file, visit);
    else visit(file, entry);
  }
}

const ascii = (text: string) => new TextEncoder().encode(text);

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
