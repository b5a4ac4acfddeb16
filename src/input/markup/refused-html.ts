import type { Element, Nodes, Root } from 'hast';
import { findInvisible, hasInvisible, INVISIBLE_HINT, invisibleNames } from '../invisible.ts';
import { judgeAddress, shownAddress } from './address.ts';
import { ALLOWED_TAGS, allowedAttributes, attributeName, BODY_SCHEMA, sanitizeBody } from './html-schema.ts';

/** Something in a body that is not allowed, where it starts in the parsed text (1-based). */
export interface Finding {
  line?: number;
  column?: number;
  message: string;
  hint: string;
}

const KEY = 'portalKey';
const keyOf = (node: Element) => (node.data as Record<string, unknown> | undefined)?.[KEY];

/**
 * Every element, attribute or address that BODY_SCHEMA would remove from a parsed body. It asks
 * the sanitiser itself (on a marked copy) what it keeps, so the check and the pipeline never differ.
 */
export function refusedHtml(tree: Root): Finding[] {
  const elements: Element[] = [];
  const copy = structuredClone(tree) as Root;
  const mark = (node: Nodes) => {
    if (node.type === 'element') {
      node.data = { ...node.data, [KEY]: elements.length } as Element['data'];
      elements.push(node);
    }
    if ('children' in node) node.children.forEach(mark);
  };
  mark(copy);
  const kept = new Map<number, Element>();
  const collect = (node: Nodes) => {
    const key = node.type === 'element' ? keyOf(node) : undefined;
    if (node.type === 'element' && typeof key === 'number') kept.set(key, node);
    if ('children' in node) node.children.forEach(collect);
  };
  collect(sanitizeBody(copy));

  const findings: Finding[] = [];
  const walk = (node: Nodes, ancestors: string[]) => {
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      const clean = kept.get(keyOf(node) as number);
      if (!clean) {
        findings.push(refusedTag(node, ancestors));
        // What the sanitiser removes with its tag is not looked into: it goes altogether.
        if (BODY_SCHEMA.strip?.includes(node.tagName)) return;
      } else {
        for (const [property, value] of Object.entries(node.properties)) {
          if (JSON.stringify(clean.properties[property]) !== JSON.stringify(value)) findings.push(refusedAttribute(node, property, value));
        }
      }
    }
    const inside = node.type === 'element' ? [...ancestors, node.tagName] : ancestors;
    node.children.forEach((child) => walk(child, inside));
  };
  walk(copy, []);
  return [...findings, ...invisibleInText(copy)];
}

/**
 * Invisible characters (invisible.ts) in what the page shows, typed or written as &#x202E;: in the
 * text and in attribute values (alt, title, addresses). Placed at the first such character.
 */
function invisibleInText(tree: Root): Finding[] {
  const findings: Finding[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'text' && hasInvisible(node.value)) {
      const first = findInvisible(node.value)[0]!;
      const before = node.value.slice(0, first.index).split('\n');
      const start = node.position?.start;
      const line = start && start.line + before.length - 1;
      const column = start && (before.length > 1 ? before.at(-1)!.length + 1 : start.column + first.index);
      findings.push({ line, column, message: `正文含有看不见的字符${invisibleNames(node.value)}`, hint: INVISIBLE_HINT });
    }
    if (node.type === 'element') {
      for (const [property, value] of Object.entries(node.properties)) {
        const text = Array.isArray(value) ? value.join(' ') : String(value);
        if (hasInvisible(text)) findings.push({ ...at(node), message: `标签 <${node.tagName}> 的属性 ${attributeName(property)} 含有看不见的字符${invisibleNames(text)}`, hint: INVISIBLE_HINT });
      }
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return findings;
}

const at = (node: Element) => ({ line: node.position?.start.line, column: node.position?.start.column });
const tagList = () => ALLOWED_TAGS.filter((t) => t !== 'input').join('、');

function refusedTag(node: Element, ancestors: string[]): Finding {
  const tag = node.tagName;
  const needs = BODY_SCHEMA.ancestors?.[tag];
  if (ALLOWED_TAGS.includes(tag) && needs && !needs.some((a) => ancestors.includes(a))) {
    return { ...at(node), message: `HTML 标签 <${tag}> 只能写在表格 <table> 里面`, hint: `把它放进 <table>…</table>，或改用 Markdown 表格（| 列1 | 列2 |）` };
  }
  return {
    ...at(node),
    message: `正文中不能使用 HTML 标签 <${tag}>`,
    hint: `删除这个标签。正文里只能用这些 HTML 标签：${tagList()}；标题、加粗、链接、图片、表格最好用 Markdown 写法`,
  };
}

const URL_PROPERTIES = ['href', 'src', 'cite', 'longDesc'];

function refusedAttribute(node: Element, property: string, value: unknown): Finding {
  const tag = node.tagName;
  const name = attributeName(property);
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  if (/^on/i.test(name)) {
    return { ...at(node), message: `标签 <${tag}> 带有 ${name}，这是会在读者浏览器里运行的程序代码`, hint: `删除 ${name}="…"；正文中不能有任何程序代码` };
  }
  if (URL_PROPERTIES.includes(property) && allowedAttributes(tag).includes(name)) {
    const shown = shownAddress(text);
    const verdict = judgeAddress(text);
    if (!verdict.ok && verdict.host && !/^\s*https?:/i.test(text)) {
      // Written as a path, read by the browser as another site: "/\evil.example", "/<tab>/evil.example", "//evil.example".
      return {
        ...at(node),
        message: `地址“${shown}”在浏览器里会指向别的网站 ${verdict.host}`,
        hint: property === 'src'
          ? '图片只能用本文件旁边的图片文件（如 ./images/tu.jpg）；路径里只用正斜杠“/”，不要写反斜杠“\\”、两个连续的斜杠或空白字符'
          : '本站的地址以一个正斜杠开头（如 /news/…），路径里不要写反斜杠“\\”、两个连续的斜杠或空白字符；链接到别的网站请写完整的 https:// 地址',
      };
    }
    if (/^\s*data:/i.test(text) && property === 'src') {
      return { ...at(node), message: `图片地址“${shown}”把图片内容直接写进了正文，不允许使用`, hint: '把图片存成文件放在本文件旁边（如 ./images/tu.jpg），再写它的路径' };
    }
    if (/^\s*https?:/i.test(text) && property === 'src') {
      return {
        ...at(node),
        message: `图片地址“${shown}”在别的网站上，读者的浏览器不会显示它`,
        hint: '把图片下载下来放在本文件旁边（如 ./images/tu.jpg），再写它的路径；图片的出处可以写在图片下面的文字里',
      };
    }
    return {
      ...at(node),
      message: `地址“${shown}”不允许使用`,
      hint: property === 'src'
        ? '图片只能用本文件旁边的图片文件（如 ./images/tu.jpg）'
        : '链接只能写本网站内的地址（如 /news/…）或以 https://、http://、mailto: 开头的地址',
    };
  }
  if (!allowedAttributes(tag).includes(name)) {
    return { ...at(node), message: `标签 <${tag}> 不能带属性 ${name}`, hint: `删除 ${name}="…"；<${tag}> 可用的属性：${allowedAttributes(tag).join('、')}` };
  }
  return { ...at(node), message: `标签 <${tag}> 的属性 ${name}="${text}" 不允许使用`, hint: `删除 ${name}="…"，或参照同目录下的其他文件` };
}
