import fs from 'node:fs';
import path from 'node:path';
import { codeVersion, digest, readDigestCache, writeDigestCache } from '../src/build-cache/digest-cache.ts';
import { findPrivateNumbers, PRIVATE_KIND } from '../src/input/privacy.ts';

/**
 * The other half of the last gate (tools/privacy-scan.ts reads the pages, feeds and data files):
 * every other published file, recognised by its content, not its name, and read as what it is. A
 * PDF as the upload check reads it (text of every page, properties, active content); a picture for
 * any metadata left (EXIF, GPS, XMP, IPTC, text chunks) and for numbers in its bytes; text of any
 * other name as text; anything else is refused, so a road nobody thought of is still caught.
 */
export interface FileFinding {
  /** Path relative to the built folder, with "/". */
  file: string;
  message: string;
}

/** The search index: made from the pages by tools/search-index.ts, which the page scan already read. */
const SKIP = new Set(['pagefind']);
/** Read by tools/privacy-scan.ts. */
const PAGES = /\.(html|xml|csv|json|txt)$/;
/** The project's own code (bundles of src/ and of its packages), never an editor's. */
const CODE = /\.(js|mjs|css|map)$/;

type Kind = 'pdf' | 'image' | 'font' | 'icon' | 'wasm' | 'text' | 'unknown';

const starts = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, at: number, text: string) => Buffer.from(bytes.subarray(at, at + text.length)).toString('latin1') === text;

/** What a file is, by its first bytes (and, for text, by decoding all of it). */
function kindOf(bytes: Uint8Array): Kind {
  if (ascii(bytes, 0, '%PDF-')) return 'pdf';
  if (starts(bytes, 0xff, 0xd8, 0xff) || starts(bytes, 0x89, 0x50, 0x4e, 0x47) || (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) || ascii(bytes, 0, 'GIF8') || ascii(bytes, 4, 'ftypavif')) return 'image';
  if (ascii(bytes, 0, 'wOF2') || ascii(bytes, 0, 'wOFF')) return 'font';
  if (starts(bytes, 0, 0, 1, 0)) return 'icon';
  // WebAssembly: the CMS's image codecs, compiled code of its packages.
  if (starts(bytes, 0, 0x61, 0x73, 0x6d)) return 'wasm';
  if (bytes.includes(0)) return 'unknown';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text';
  } catch {
    return 'unknown';
  }
}

/** The kind a name promises; a file whose content is of another kind is refused. */
const PROMISED: Record<string, Kind> = { pdf: 'pdf', jpg: 'image', jpeg: 'image', png: 'image', webp: 'image', gif: 'image', avif: 'image', woff: 'font', woff2: 'font', ico: 'icon', wasm: 'wasm' };

async function findingsOf(bytes: Buffer, extension: string): Promise<string[]> {
  const kind = kindOf(bytes);
  const promised = PROMISED[extension];
  if (promised && promised !== kind) return [`扩展名是 .${extension}，内容却不是这种文件`];
  // Numbers anywhere in the bytes as text: text chunks a picture reader skips, metadata in the clear.
  const numbers = [...new Set(findPrivateNumbers(bytes.toString(kind === 'text' ? 'utf8' : 'latin1')).map((n) => `写有${PRIVATE_KIND[n.kind]}“${n.masked}”`))];
  switch (kind) {
    case 'pdf':
      // Loaded only when a file needs them: with every file known clean, the gate stays a matter of milliseconds.
      const { pdfFindings } = await import('../src/input/uploads/pdf.ts');
      return [...numbers, ...(await pdfFindings(bytes)).map((f) => f.message)];
    case 'image': {
      let metadata: string[];
      try {
        const { imageMetadata } = await import('../src/input/uploads/image.ts');
        metadata = await imageMetadata(bytes);
      } catch {
        return [...numbers, '图片无法读取'];
      }
      return [...numbers, ...(metadata.length > 0 ? [`图片带有 ${metadata.join('、')} 信息（拍摄地点、作者等），应已在生成时去掉`] : [])];
    }
    case 'font':
    case 'icon':
    case 'wasm':
      return numbers;
    case 'text':
      return numbers;
    case 'unknown':
      return ['无法识别的文件，发布检查读不了它的内容'];
  }
}

function otherFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const file = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return rel === '' && SKIP.has(entry.name) ? [] : otherFiles(dir, file);
    if (!entry.isFile()) return [];
    // Pages are read by the page scan; code is the project's own, except under /_astro/ where the pictures are.
    return PAGES.test(entry.name) || CODE.test(entry.name) ? [] : [file];
  });
}

const scanVersion = () => codeVersion(['tools/published-files-scan.ts', 'src/input/privacy.ts', 'src/input/uploads'], ['pdfjs-dist', 'pdf-lib', 'sharp']);

/**
 * Findings in every published file the page scan does not read. cacheFile: files found clean by
 * the last clean run, by digest; such a file is not read again. None, no cache.
 */
export async function findUnsafePublishedFiles(dir: string, cacheFile?: string): Promise<FileFinding[]> {
  const version = cacheFile === undefined ? '' : scanVersion();
  const known = readDigestCache<true>(cacheFile, version);
  const clean = new Map<string, true>();
  const findings: FileFinding[] = [];
  for (const file of otherFiles(dir).sort()) {
    const bytes = fs.readFileSync(path.join(dir, file));
    const extension = path.posix.extname(file).slice(1).toLowerCase();
    const key = `${extension} ${digest(bytes)}`;
    if (known.has(key)) {
      clean.set(key, true);
      continue;
    }
    const found = await findingsOf(bytes, extension);
    for (const message of found) findings.push({ file, message });
    if (found.length === 0) clean.set(key, true);
  }
  if (cacheFile !== undefined && findings.length === 0) writeDigestCache(cacheFile, version, clean);
  return findings;
}
