/**
 * How deeply a body nests, measured on its text before any parser sees it. The Markdown, MDX and
 * HTML parsers and the tree walkers after them recurse once per level: a few kilobytes of ">>>>…"
 * or "<div><div>…" stop them with a stack overflow (in English, naming no file), and some take
 * minutes first. A scan line by line, without recursion, finds such a body and says where it goes
 * too deep, so nothing recursive ever reads it.
 *
 * The measures are generous on purpose (a list inside a quote inside a list is 3): MAX_DEPTH is far
 * above anything an article needs and far below what the parsers can take.
 */
export const MAX_DEPTH = 20;

export interface TooDeep {
  /** 1-based, within the text scanned. */
  line: number;
  column: number;
  /** What nests: said to the editor. */
  what: string;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements the HTML parser closes when the next of their kind starts (<li>a<li>b are siblings). */
const SELF_ENDING = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);

/** Quote markers, list markers and indentation at a line's start: the blocks it sits in. */
const CONTAINERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*/;
const TAG = /<(\/?)([A-Za-z][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

function blockDepth(lineText: string): number {
  const prefix = CONTAINERS.exec(lineText)?.[0] ?? '';
  const markers = prefix.replace(/[ \t]|\d{1,9}(?=[.)])/g, '').length;
  const indent = /^[ \t]*/.exec(lineText.slice(prefix.length))![0].replace(/\t/g, '    ').length;
  const prefixIndent = prefix.replace(/[^ \t]/g, '').replace(/\t/g, '    ').length;
  // Every four columns of indentation count one level (a nested list moves two to four).
  return markers + Math.floor((prefixIndent + indent) / 4);
}

/** The first place where a body nests deeper than MAX_DEPTH, or undefined. mdx: also { } expressions. */
export function tooDeep(body: string, mdx: boolean): TooDeep | undefined {
  const lines = body.split(/\r\n|\n|\r/);
  const open: string[] = [];
  let braces = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineText = lines[i]!;
    const line = i + 1;
    if (blockDepth(lineText) > MAX_DEPTH) return { line, column: 1, what: '引用（>）或列表的层级' };
    // Links, emphasis and brackets within one line.
    let brackets = 0;
    const bracketed = lineText.includes('[') || (mdx && (lineText.includes('{') || lineText.includes('}') || braces > 0));
    for (let c = 0; bracketed && c < lineText.length; c++) {
      const ch = lineText[c];
      if (ch === '[' || (mdx && braces > 0 && ch === '(')) brackets++;
      else if ((ch === ']' || ch === ')') && brackets > 0) brackets--;
      else if (mdx && ch === '{') braces++;
      else if (mdx && ch === '}' && braces > 0) braces--;
      if (brackets > MAX_DEPTH) return { line, column: c + 1, what: '方括号 [ ] 的层级' };
      if (braces > MAX_DEPTH) return { line, column: c + 1, what: '花括号 { } 的层级' };
    }
    const emphasis = /[*_~]{41,}/.exec(lineText);
    if (emphasis && !/^[ \t]*([*_~][ \t]*)+$/.test(lineText)) return { line, column: emphasis.index + 1, what: '加粗、斜体、删除线符号（* _ ~）的层级' };
    if (!lineText.includes('<')) continue;
    for (const m of lineText.matchAll(TAG)) {
      const [, closing, rawName, , selfClosing] = m;
      const name = rawName!.toLowerCase();
      if (closing) {
        const at = open.lastIndexOf(name);
        if (at >= 0) open.length = at;
      } else if (!selfClosing && !VOID.has(name)) {
        if (SELF_ENDING.has(name) && open.at(-1) === name) open.pop();
        open.push(name);
        if (open.length > MAX_DEPTH) return { line, column: (m.index ?? 0) + 1, what: mdx ? '标签或组件（<…>）的层级' : '标签（<…>）的层级' };
      }
    }
  }
  return undefined;
}

export const DEPTH_HINT = `文章里的引用、列表、HTML 标签最多套 ${MAX_DEPTH} 层，正常的文章用不到这么多：检查是否有多余的 >、- 或没有写结束标签的 <div> 等，多半是粘贴时带进来的；删掉多余的层级`;

/**
 * The same for a frontmatter block (YAML): indentation (two spaces or a "- " a level) and [ ] { }
 * brackets. Frontmatter fields go two levels deep at most.
 */
export function tooDeepYaml(yaml: string): TooDeep | undefined {
  const lines = yaml.split(/\r\n|\n|\r/);
  let flow = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineText = lines[i]!;
    const lead = /^(?:[ \t]|-(?=[ \t]))*/.exec(lineText)![0];
    if (Math.floor(lead.replace(/-/g, '  ').replace(/\t/g, '  ').length / 2) > MAX_DEPTH) return { line: i + 1, column: 1, what: '信息块的缩进层级' };
    for (let c = 0; c < lineText.length; c++) {
      const ch = lineText[c];
      if (ch === '[' || ch === '{') flow++;
      else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      if (flow > MAX_DEPTH) return { line: i + 1, column: c + 1, what: '信息块里括号 [ ] { } 的层级' };
    }
  }
  return undefined;
}
