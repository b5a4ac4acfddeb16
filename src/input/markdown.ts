import { type Document, isAlias, isMap, isNode, isPair, isScalar, LineCounter, type Pair, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import type { ContentRoot } from './content-root.ts';
import { placeOf, pictureProblem } from './inside-root.ts';
import { hasInvisible, INVISIBLE, INVISIBLE_HINT, invisibleMessage } from './invisible.ts';
import { judgeAddress } from './markup/address.ts';
import { DEPTH_HINT, MAX_DEPTH, tooDeep, tooDeepYaml } from './markup/depth.ts';
import { markupProblems, type MarkupCache } from './markup/markup-problems.ts';
import { findPrivateNumbersInMarkup, PRIVATE_HINT, PRIVATE_KIND } from './privacy.ts';
import type { Problem } from './problems.ts';
import { CONTENT, type ContentName } from './schema/frontmatter.ts';
import { ID_PATTERN } from './schema/patterns.ts';
import { issueHint, issueMessage } from './table.ts';

export interface ContentEntry<T> {
  /** File name without extension: the page's address. */
  id: string;
  /** Path relative to the content root. */
  file: string;
  data: T;
  /** Line of each frontmatter field, for messages about it. */
  lines: Readonly<Record<string, number>>;
}

export type PortalContent = { [C in ContentName]: ContentEntry<z.infer<(typeof CONTENT)[C]['schema']>>[] };


/** The frontmatter block at a file's start, between two lines of ---: group 1 is its YAML. */
export const FRONTMATTER_BLOCK = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/;

/**
 * Reads the frontmatter of every Markdown file under content/ and checks it against the same
 * schemas the build uses, with the line of each offending field, without rendering anything.
 * markupCache: the build's cache of the markup check (markup-problems.ts); none, every body is parsed.
 */
export function readContent(root: ContentRoot, markupCache?: MarkupCache): { content: PortalContent; problems: Problem[]; broken: Set<ContentName> } {
  const problems: Problem[] = [];
  const broken = new Set<ContentName>();
  const content = {} as Record<ContentName, ContentEntry<unknown>[]>;
  for (const [collection, def] of Object.entries(CONTENT) as [ContentName, (typeof CONTENT)[ContentName]][]) {
    const dir = `content/${def.dir}`;
    const entries: ContentEntry<unknown>[] = [];
    const before = problems.length;
    const names = root.list(dir).sort((a, b) => compareNames(a.name, b.name));
    // Only plain files are read: a shortcut (symbolic link) or a device is reported by the files check
    // and never opened, so it can neither show another file nor hang the build.
    const files = names.filter((d) => d.kind === 'file' && def.pattern.test(d.name)).map((d) => d.name);
    for (const d of names) {
      if (d.kind === 'file' && !def.pattern.test(d.name)) problems.push(...strayFile(d.name, `content/${def.dir}/${d.name}`, collection));
    }
    const ids = new Map<string, string>();
    for (const name of files) {
      const file = `content/${def.dir}/${name}`;
      const id = name.replace(/\.mdx?$/, '');
      if (hasInvisible(name)) {
        problems.push({ file, message: `文件名${invisibleMessage(name)}`, hint: `文件名就是网页地址：把文件改名为 ${name.replace(INVISIBLE, '')}（重新打字输入文件名）` });
        continue;
      }
      if (!ID_PATTERN.test(id)) {
        problems.push({
          file,
          message: '文件名只能用小写英文字母、数字和连字符“-”',
          hint: `文件名就是网页地址：改成如 ${def.dir === 'workers' ? 'zhang-san.md（姓名拼音）' : '2024-03-15-jingsai-qidong.md（日期加拼音或英文）'}；可用 npm run new 生成`,
        });
        continue;
      }
      const other = ids.get(id);
      if (other !== undefined) {
        problems.push({ file, message: `与 ${other} 同名，网页地址会冲突`, hint: '同一文件夹中 .md 和 .mdx 不能同名：删除或改名其中一个' });
        continue;
      }
      ids.set(id, file);
      const bytes = root.read(file);
      const result = readFrontmatter(bytes, file, def.schema);
      problems.push(...result.problems);
      if (result.body !== undefined) problems.push(...checkBody(result.body, result.bodyLine, file, root, dir, markupCache));
      if (result.data === undefined) continue;
      if (collection === 'workers') problems.push(...checkPhoto(result.data, dir, file, result.lineOf, root));
      const lines = Object.fromEntries(Object.keys(result.data as object).map((k) => [k, result.lineOf(k)]));
      entries.push({ id, file, data: result.data, lines });
    }
    content[collection] = entries;
    if (problems.length > before) broken.add(collection);
  }
  problems.push(...unknownFolders(root));
  return { content: content as PortalContent, problems, broken };
}

/** Names in code-point order, as the disk's sort() gave them: the same order on every road. */
const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Pictures a Markdown file may show, kept beside it; system files Windows and macOS leave behind. */
const PICTURE = /\.(jpe?g|png|webp|gif|avif)$/i;
const SYSTEM_FILE = /^(\.|Thumbs\.db$|desktop\.ini$)/i;

/**
 * A file in a Markdown folder that is neither Markdown nor a picture: a ".MD" or ".markdown" would
 * otherwise be skipped without a word, and a Word file is not a page.
 */
function strayFile(name: string, file: string, collection: ContentName): Problem[] {
  if (PICTURE.test(name) || SYSTEM_FILE.test(name)) return [];
  const wanted = collection === 'stories' ? '.md 或 .mdx' : '.md';
  const stem = name.replace(/\.[^.]*$/, '');
  if (/\.(mdx?|markdown|mdown|mkdn?|mdwn|txt|text)$/i.test(name)) {
    return [{ file, message: `扩展名不是小写的 ${wanted}，这个文件不会发布`, hint: `把文件改名为 ${stem.replace(/\.(md|txt)$/i, '')}${collection === 'stories' && /\.mdx$/i.test(name) ? '.mdx' : '.md'}（扩展名用小写）` }];
  }
  if (/\.(docx?|wps|rtf|odt|pdf)$/i.test(name)) {
    return [{ file, message: '文档不能直接作为网页发布', hint: `把文字复制到一个 ${wanted} 文件里；要供下载的文件放进内容目录的 files/ 文件夹` }];
  }
  return [{ file, message: `此文件夹只放 ${wanted} 文件和图片，这个文件不会发布`, hint: '删除它，或把它移到别处' }];
}

/** content/ holds only the folders the portal publishes; a "content/新闻/" would never appear. */
function unknownFolders(root: ContentRoot): Problem[] {
  const known = new Set<string>(Object.values(CONTENT).map((c) => c.dir));
  return root
    .list('content')
    .sort((a, b) => compareNames(a.name, b.name))
    .filter((d) => !known.has(d.name) && !SYSTEM_FILE.test(d.name))
    .map((d) => ({
      file: `content/${d.name}`,
      message: d.kind === 'folder' ? '不认识的文件夹，里面的文件不会发布' : '这个文件放错了位置，不会发布',
      hint: `文章放进 content/ 下的这几个文件夹之一：${[...known].join('、')}`,
    }));
}

export function readFrontmatter<S extends z.ZodType>(
  bytes: Uint8Array,
  file: string,
  schema: S,
): { data?: z.infer<S>; problems: Problem[]; lineOf: (field: string) => number; body?: string; bodyLine: number } {
  const problems: Problem[] = [];
  let lineOf = (_field: string) => 1;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      problems: [{ file, message: '文件不是 UTF-8 编码，网页会显示乱码', hint: '用记事本或 VS Code 打开，“另存为”时编码选 UTF-8' }],
      lineOf,
      bodyLine: 1,
    };
  }
  const match = FRONTMATTER_BLOCK.exec(text);
  if (!match) {
    problems.push({
      file,
      line: 1,
      message: '文件开头缺少由两行 --- 包围的信息块（frontmatter）',
      hint: '第一行写 ---，接着每行一个“字段: 内容”，再写一行 ---，然后才是正文；参照同目录下的其他文件',
    });
    return { problems, lineOf, bodyLine: 1 };
  }
  const yamlText = match[1] ?? '';
  const body = text.slice(match[0].length);
  const bodyLine = countLines(match[0]) + 1;
  const result = { problems, body, bodyLine };

  // Mistakes YAML would only call "multiline implicit key": said the way an editor made them.
  yamlText.split(/\r?\n/).forEach((lineText, i) => {
    const key = /^\s*([A-Za-z]\w*)\s*(：|:(?=[^\s/]))/.exec(lineText);
    if (!key) return;
    const fullWidth = key[2] === '：';
    problems.push({
      file,
      line: i + 2,
      column: key[0].length,
      field: key[1],
      message: fullWidth ? `字段“${key[1]}”后面的冒号是中文全角“：”` : `字段“${key[1]}”的冒号后面缺少空格`,
      hint: fullWidth ? `改成英文半角冒号加一个空格，如“${key[1]}: …”` : `在冒号后面加一个空格，如“${key[1]}: …”`,
    });
  });
  if (problems.length > 0) return { ...result, lineOf };

  const deep = tooDeepYaml(yamlText);
  if (deep) {
    problems.push({ file, line: deep.line + 1, column: deep.column, message: `${deep.what}超过 ${MAX_DEPTH} 层`, hint: '信息块的字段最多套两层（如 contact 下的 email）：删掉多余的缩进或括号；参照同目录下的其他文件' });
    return { ...result, lineOf };
  }
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  // The YAML starts on the file's second line.
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  // A warning (an unknown !tag) would be read some other way than written: as firm as an error.
  for (const error of [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0])) {
    const { message, hint } = yamlError(error.code);
    problems.push({ file, line: fileLine(error.pos[0]), column: counter.linePos(error.pos[0]).col, message, hint });
  }
  if (doc.errors.length + doc.warnings.length > 0) return { ...result, lineOf };
  lineOf = (field: string) => {
    if (!isMap(doc.contents)) return 1;
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === field);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? fileLine(range[0]) : 1;
  };
  // Editors never need YAML's anchors and aliases (& and *); resolving them is how an "alias bomb"
  // expands a few lines into billions of values, so none is resolved.
  const alias = firstAlias(doc);
  if (alias) {
    const at = alias.range?.[0] ?? 0;
    problems.push({
      file,
      line: fileLine(at),
      column: counter.linePos(at).col,
      message: '内容以 * 或 & 开头，信息块会把它当成引用而不是文字',
      hint: '用英文双引号把整个内容括起来，例如 title: "*重要*通知"；或去掉开头的 * 和 &',
    });
    return { ...result, lineOf };
  }
  const raw = doc.toJS({ maxAliasCount: 0 }) ?? {};
  problems.push(...privateNumbers(yamlText, file, 2));
  const hidden = invisibleScalars(doc, (offset) => ({ line: fileLine(offset), column: counter.linePos(offset).col }), file);
  problems.push(...hidden.problems);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (hidden.fields.has(field)) continue; // already said, with the character and its place
      const received = field ? (raw as Record<string, unknown>)[field] : raw;
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({
            file,
            line: lineOf(key),
            field: key,
            message: `不认识的字段“${key}”`,
            hint: `删除这一行，或改正拼写（可用的字段：${Object.keys(shape).join('、')}）；不公开的信息（如电话、身份证号、住址）不能写进网页文件`,
          });
        }
      } else {
        const meta = field ? metaOf(shape[field]) : undefined;
        problems.push({
          file,
          line: lineOf(field),
          field: field || undefined,
          message: issueMessage(issue, received),
          hint: issueHint(issue, received, meta),
        });
      }
    }
    return { ...result, lineOf };
  }
  if (problems.length > 0) return { ...result, lineOf };
  return { data: parsed.data, ...result, lineOf };
}

/**
 * Every text value (and field name) of the frontmatter holding an invisible character (invisible.ts),
 * at its line; the message counts characters within the value, as written or as YAML's escapes give it.
 */
function invisibleScalars(doc: Document, place: (offset: number) => { line: number; column: number }, file: string): { problems: Problem[]; fields: Set<string> } {
  const problems: Problem[] = [];
  const fields = new Set<string>();
  visit(doc, {
    Scalar(_key, node, ancestors) {
      if (typeof node.value !== 'string' || !hasInvisible(node.value)) return;
      const pair = ancestors.find((a): a is Pair<unknown, unknown> => isPair(a));
      const field = pair && isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (field !== undefined) fields.add(field);
      problems.push({ file, ...place(node.range?.[0] ?? 0), field, message: invisibleMessage(node.value), hint: INVISIBLE_HINT });
    },
  });
  return { problems, fields };
}

function firstAlias(doc: Document): { range?: [number, number, number] | null } | undefined {
  let found: { range?: [number, number, number] | null } | undefined;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node) || (isNode(node) && node.anchor)) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function metaOf(schema: z.ZodType | undefined): { title: string; description?: string } | undefined {
  for (let s: unknown = schema; s; s = (s as { unwrap?: () => unknown }).unwrap?.()) {
    const meta = (s as { meta?: () => unknown }).meta?.() as { title?: string; description?: string } | undefined;
    if (meta?.title) return { title: meta.title, description: meta.description };
    if (typeof (s as { unwrap?: unknown }).unwrap !== 'function') break;
  }
  return undefined;
}

function countLines(text: string): number {
  return text.split(/\r\n|\n|\r/).length - 1;
}

function yamlError(code: string): { message: string; hint: string } {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        message: '这一行的写法无法识别',
        hint: '每行写成“字段名: 内容”；内容里有英文冒号“: ”时，用英文双引号把整个内容括起来，或改用中文冒号“：”',
      };
    case 'DUPLICATE_KEY':
      return { message: '同一个字段写了两次', hint: '删除其中一行' };
    case 'TAB_AS_INDENT':
      return { message: '缩进用了 Tab 键', hint: '删除 Tab，改用空格缩进（列表项前用两个空格）' };
    case 'MISSING_CHAR':
      return { message: '引号或括号没有配对', hint: '检查英文引号 " 和方括号 [ ] 是否成对' };
    case 'BAD_INDENT':
      return { message: '缩进没有对齐', hint: '同一级的行要从同一列开始；列表项前用两个空格和“- ”' };
    case 'BAD_DQ_ESCAPE':
      return { message: '双引号里的反斜杠“\\”写法不对', hint: '删除反斜杠，或把英文双引号换成英文单引号' };
    case 'BAD_SCALAR_START':
      return { message: '内容不能以 @ 或 ` 开头', hint: '用英文双引号把整个内容括起来，例如 title: "@焦作 的新闻"' };
    case 'MULTIPLE_DOCS':
      return { message: '信息块中间多了一行 ---', hint: '信息块只能有开头和结尾两行 ---：删除中间那一行' };
    case 'RESOURCE_EXHAUSTION':
      return { message: `信息块的层级太深（超过 ${MAX_DEPTH} 层）`, hint: '信息块的字段最多套两层：删掉多余的缩进或括号' };
    case 'TAG_RESOLVE_FAILED':
      return { message: '内容以 ! 开头，信息块会把它当成类型标记', hint: '用英文双引号把整个内容括起来，例如 title: "!重要通知"' };
    default:
      return { message: '信息块的这一行无法识别', hint: '检查冒号后是否有空格、缩进是否对齐、引号是否成对；参照同目录下的其他文件' };
  }
}

const FENCE = /^\s*(```|~~~)/;
const TARGETS = [
  { image: true, re: /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?/g },
  { image: false, re: /(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]+)>?/g },
  { image: true, re: /<img\b[^>]*?\ssrc\s*=\s*["']([^"']+)["']/gi },
  { image: false, re: /<a\b[^>]*?\shref\s*=\s*["']([^"']+)["']/gi },
];

/**
 * What can be checked in the text without building: only allowed markup (and in MDX nothing that
 * runs), pictures next to the file exist, links to the documents under files/ resolve, no link
 * points at a .md file, and no private number is written.
 * Links to other pages are checked on the built site (npm run check:links).
 */
export function checkBody(body: string, firstLine: number, file: string, root: ContentRoot, dir: string, markupCache?: MarkupCache): Problem[] {
  // Before any parser: a body nested thousands deep would overflow their stacks (depth.ts).
  // The checks below read the text line by line, without recursion: they still run.
  const deep = tooDeep(body, file.endsWith('.mdx'));
  const problems: Problem[] = deep
    ? [{ file, line: firstLine + deep.line - 1, column: deep.column, message: `正文中${deep.what}超过 ${MAX_DEPTH} 层，无法检查，也无法生成网页`, hint: DEPTH_HINT }]
    : markupProblems(body, firstLine, file, markupCache);
  let fenced = false;
  // What is inside an HTML comment is not shown: blank it out, keeping the lines where they are.
  const shown = body.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\r\n]/g, ' '));
  shown.split(/\r?\n/).forEach((lineText, i) => {
    if (FENCE.test(lineText)) fenced = !fenced;
    if (fenced) return;
    const line = firstLine + i;
    for (const { image, re } of TARGETS) {
      for (const m of lineText.matchAll(re)) {
        const target = decodeTarget(m[1] ?? '');
        const column = (m.index ?? 0) + 1;
        // Only addresses on the portal name a file here; the markup check judges the others (address.ts).
        if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(target) || target === '') continue;
        const verdict = judgeAddress(target);
        if (!verdict.ok || !verdict.local) continue;
        const clean = target.replace(/[?#].*$/, '');
        if (clean.startsWith('/files/')) {
          // Through the same check as pictures: /files/../data/x.csv or a link out is no document of files/.
          if (placeOf(root, '', `.${clean}`, 'files') !== 'inside') {
            problems.push({ file, line, column, message: `链接的文件“${clean}”不存在`, hint: `把文件放进内容目录的 files/ 文件夹，文件名与链接一致` });
          }
        } else if (!clean.startsWith('/')) {
          if (/\.mdx?$/i.test(clean)) {
            problems.push({ file, line, column, message: `链接指向了 Markdown 文件“${target}”，网站上没有这样的地址`, hint: '写网页地址，例如 /news/2024-03-15-jingsai-qidong/（文件名去掉 .md，前后加 /）' });
          } else if (image) {
            // Only pictures inside the content root, reached without a shortcut (symbolic link).
            const problem = pictureProblem(placeOf(root, dir, clean), `图片“${target}”`, '图片路径相对于本文件，例如 ./photos/zhang-san.jpg；检查文件名和大小写');
            if (problem) problems.push({ file, line, column, ...problem });
          }
        }
      }
    }
    problems.push(...privateNumbers(lineText, file, line));
  });
  return problems;
}

function decodeTarget(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

function privateNumbers(text: string, file: string, firstLine: number): Problem[] {
  const lines = text.split(/\r?\n/);
  return lines.flatMap((lineText, i) =>
    findPrivateNumbersInMarkup(lineText).map((n) => ({
      file,
      line: firstLine + i,
      column: n.index + 1,
      message: `写有${PRIVATE_KIND[n.kind]}“${n.masked}”`,
      hint: PRIVATE_HINT,
    })),
  );
}

function checkPhoto(data: unknown, dir: string, file: string, lineOf: (f: string) => number, root: ContentRoot): Problem[] {
  const photo = (data as { photo?: string }).photo;
  if (!photo) return [];
  // Only a photo inside the content root, reached without a shortcut (symbolic link).
  const problem = pictureProblem(placeOf(root, dir, photo), `照片文件“${photo}”`, '把照片放进 content/workers/photos/，路径相对于本文件，例如 ./photos/zhang-san.jpg；检查文件名和大小写');
  return problem ? [{ file, line: lineOf('photo'), field: 'photo', ...problem }] : [];
}
