import { z } from 'zod';

/**
 * Characters a reader cannot see but a browser obeys: direction controls, which can show a name
 * or a title reversed or reordered (an enterprise's name read backwards in a feed), and zero-width
 * characters, which make two names that look the same differ. They come in by copying from web
 * pages, chat windows and Word. None belongs in editors' text, so each is refused by name and place
 * rather than removed: the build never edits editors' files, and nothing is dropped without a word.
 * The same list is the one `nameKey` ignores when it compares names.
 */
export const INVISIBLE_NAMES: Readonly<Record<number, string>> = {
  0x00ad: '软连字符',
  0x061c: '阿拉伯字母方向标记',
  0x180e: '蒙古文元音分隔符',
  0x200b: '零宽空格',
  0x200c: '零宽不连字符',
  0x200d: '零宽连字符',
  0x200e: '从左向右标记',
  0x200f: '从右向左标记',
  0x202a: '从左向右嵌入符',
  0x202b: '从右向左嵌入符',
  0x202c: '方向格式结束符',
  0x202d: '从左向右覆盖符',
  0x202e: '从右向左覆盖符',
  // Unicode's own line and paragraph separators: invisible, and a line break to some readers (feeds, scripts) but not to others.
  0x2028: '行分隔符',
  0x2029: '段分隔符',
  0x2060: '零宽不换行符',
  0x2061: '不可见函数符',
  0x2062: '不可见乘号',
  0x2063: '不可见分隔符',
  0x2064: '不可见加号',
  0x2066: '从左向右隔离符',
  0x2067: '从右向左隔离符',
  0x2068: '方向隔离符',
  0x2069: '方向隔离结束符',
  0x206a: '废弃的格式控制符',
  0x206b: '废弃的格式控制符',
  0x206c: '废弃的格式控制符',
  0x206d: '废弃的格式控制符',
  0x206e: '废弃的格式控制符',
  0x206f: '废弃的格式控制符',
  0xfeff: '零宽不换行空格（BOM）',
};

const CHARS = Object.keys(INVISIBLE_NAMES)
  .map((c) => `\\u${Number(c).toString(16).padStart(4, '0')}`)
  .join('');
/** Every invisible character (global: for replace and matchAll). */
export const INVISIBLE = new RegExp(`[${CHARS}]`, 'g');
const ANY = INVISIBLE;
const HAS = new RegExp(`[${CHARS}]`);

/**
 * No invisible character anywhere: the pattern the CMS checks a field against as it is typed, and
 * the open data's Table Schema publishes (a plain character class, which every regex flavour reads).
 */
export const VISIBLE_ONLY = new RegExp(`^[^${CHARS}]*$`);

export interface InvisibleChar {
  /** 0-based index in the text, in UTF-16 units (what a column count in an editor shows). */
  index: number;
  code: number;
  /** “从右向左覆盖符 U+202E” */
  label: string;
}

const label = (code: number) => `${INVISIBLE_NAMES[code]} U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

export function hasInvisible(text: string): boolean {
  return HAS.test(text);
}

export function findInvisible(text: string): InvisibleChar[] {
  if (!HAS.test(text)) return [];
  return [...text.matchAll(ANY)].map((m) => {
    const code = m[0].charCodeAt(0);
    return { index: m.index, code, label: label(code) };
  });
}

/** The same, where the characters cannot be named (the CMS's message for its pattern). */
export const INVISIBLE_IN_GENERAL = '含有看不见的字符（方向控制符或零宽空格等，多是复制粘贴带进来的）：删掉这段文字，重新打字输入';

/** What is wrong with a text holding invisible characters: each named, with its place (the 1-based character). */
export function invisibleMessage(text: string): string {
  const found = findInvisible(text);
  if (found.length === 0) return INVISIBLE_IN_GENERAL;
  const named = found.slice(0, 3).map((f) => `第 ${f.index + 1} 个字符处有“${f.label}”`);
  return `含有看不见的字符：${named.join('，')}${found.length > 3 ? `，共 ${found.length} 处` : ''}`;
}

/** The characters alone, for a place already given by line and column: “从右向左覆盖符 U+202E”、…… */
export function invisibleNames(text: string): string {
  return [...new Set(findInvisible(text).map((f) => `“${f.label}”`))].join('、');
}

export const INVISIBLE_HINT =
  '这类字符看不见，却会让文字倒序显示，或让看起来相同的两个名称不相同，多是从网页、聊天窗口或 Word 复制带进来的：把这一格（或这一行）的内容删掉，重新打字输入（不要复制粘贴）';

/**
 * Text as a zod check: refused with the characters named. The CMS takes the pattern from it, so the
 * same rule stops a save there.
 */
export const visible = <T extends z.ZodString>(schema: T): T =>
  schema.regex(VISIBLE_ONLY, { error: (issue) => invisibleMessage(typeof issue.input === 'string' ? issue.input : '') }) as T;

/**
 * The form in which two names are compared: what looks the same is the same name. Full-width and
 * compatibility forms as NFKC folds them (ＡＢＣ and ABC), invisible characters ignored, and runs of
 * spaces (ASCII or full-width) counted as one.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(ANY, '').replace(/\s+/g, ' ').trim();
}
