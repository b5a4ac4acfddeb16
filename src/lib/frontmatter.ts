import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Problem } from './problems.ts';
import { CONTENT, type ContentName } from './schema/frontmatter.ts';
import { issueMessage } from './table.ts';

export interface ContentEntry<T> {
  /** File name without extension: the page's address. */
  id: string;
  /** Path relative to the content root. */
  file: string;
  data: T;
}

export type PortalContent = { [C in ContentName]: ContentEntry<z.infer<(typeof CONTENT)[C]['schema']>>[] };

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Reads the frontmatter of every Markdown file under content/ and checks it against the same
 * schemas the build uses, with the line of each offending field, without rendering anything.
 */
export function readContent(root: string): { content: PortalContent; problems: Problem[]; broken: Set<ContentName> } {
  const problems: Problem[] = [];
  const broken = new Set<ContentName>();
  const content = {} as Record<ContentName, ContentEntry<unknown>[]>;
  for (const [collection, def] of Object.entries(CONTENT) as [ContentName, (typeof CONTENT)[ContentName]][]) {
    const dir = path.join(root, 'content', def.dir);
    const entries: ContentEntry<unknown>[] = [];
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => def.pattern.test(f)).sort() : [];
    const before = problems.length;
    for (const name of files) {
      const file = `content/${def.dir}/${name}`;
      const id = name.replace(/\.mdx?$/, '');
      if (!ID.test(id)) {
        problems.push({ file, message: '文件名只能用小写英文字母、数字和连字符“-”', hint: '文件名就是网页地址，例如 2024-03-hui-yi.md' });
        continue;
      }
      const result = readFrontmatter(fs.readFileSync(path.join(dir, name)), file, def.schema);
      problems.push(...result.problems);
      if (result.data === undefined) continue;
      if (collection === 'workers') problems.push(...checkPhoto(result.data, dir, file, result.lineOf));
      entries.push({ id, file, data: result.data });
    }
    content[collection] = entries;
    if (problems.length > before) broken.add(collection);
  }
  return { content: content as PortalContent, problems, broken };
}

export function readFrontmatter<S extends z.ZodType>(
  bytes: Uint8Array,
  file: string,
  schema: S,
): { data?: z.infer<S>; problems: Problem[]; lineOf: (field: string) => number } {
  const problems: Problem[] = [];
  let lineOf = (_field: string) => 1;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problems: [{ file, message: 'Markdown 文件应保存为 UTF-8 编码' }], lineOf };
  }
  const match = /^---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(text);
  if (!match) {
    problems.push({ file, line: 1, message: '文件开头缺少由两行 --- 包围的信息块（frontmatter）', hint: '参照同目录下的其他文件' });
    return { problems, lineOf };
  }
  const counter = new LineCounter();
  const doc = parseDocument(match[1] ?? '', { lineCounter: counter, prettyErrors: false });
  // The YAML starts on the file's second line.
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  for (const error of doc.errors) {
    problems.push({ file, line: fileLine(error.pos[0]), message: `信息块格式错误：${error.code}`, hint: '检查冒号后是否有空格、缩进是否对齐' });
  }
  if (doc.errors.length > 0) return { problems, lineOf };
  lineOf = (field: string) => {
    if (!isMap(doc.contents)) return 1;
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === field);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? fileLine(range[0]) : 1;
  };
  const raw = doc.toJS() ?? {};
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      const received = field ? (raw as Record<string, unknown>)[field] : raw;
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({ file, line: lineOf(key), field: key, message: `不认识的字段“${key}”`, hint: '只能使用规定的字段；不公开的信息（如电话、身份证号、住址）不要写进网页文件' });
        }
      } else {
        problems.push({ file, line: lineOf(field), field: field || undefined, message: issueMessage(issue, received) });
      }
    }
    return { problems, lineOf };
  }
  return { data: result.data, problems, lineOf };
}

function checkPhoto(data: unknown, dir: string, file: string, lineOf: (f: string) => number): Problem[] {
  const photo = (data as { photo?: string }).photo;
  if (!photo || fs.existsSync(path.join(dir, photo))) return [];
  return [{ file, line: lineOf('photo'), field: 'photo', message: `照片文件“${photo}”不存在`, hint: '路径相对于本文件，例如 ./photos/zhang-san.jpg' }];
}
