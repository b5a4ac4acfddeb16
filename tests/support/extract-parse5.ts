/**
 * The reference for src/search/build/extract.ts: the same reading of a page, on the tree the HTML
 * standard's parser (parse5) builds, as the indexer did before it streamed. Tests check that the
 * two agree.
 *
 * What of a built page is searchable: the text inside elements marked data-pagefind-body, without
 * what is marked data-pagefind-ignore and without the parts Pagefind itself never indexes (nav,
 * footer, forms, scripts…), with a line break between blocks so that no match runs from one
 * paragraph, cell or list item into the next. The title is the first h1 of that text.
 *
 * This is both what the index is built from and the ground truth the benchmark checks it against.
 */
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

/** Elements whose content Pagefind never indexes (its REMOVE_SELECTORS). */
const SKIPPED = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'legend', 'li', 'main',
  'ol', 'option', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

interface ExtractedPage {
  /** False when the page has no data-pagefind-body: it is not searchable. */
  indexed: boolean;
  title: string;
  /** Searchable text, blocks separated by line breaks. */
  text: string;
  /** Elements carrying data-pagefind-filter / data-pagefind-sort, as HTML to hand to Pagefind. */
  filterTags: string[];
}

type Node = T.ChildNode | T.Document;

const isElement = (n: Node): n is T.Element => 'tagName' in n;
const attr = (el: T.Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const hasAttr = (el: T.Element, name: string) => el.attrs.some((a) => a.name === name);

function textContent(n: Node): string {
  if (n.nodeName === '#text') return (n as T.TextNode).value;
  return 'childNodes' in n ? n.childNodes.map(textContent).join('') : '';
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function extractPageParse5(html: string): ExtractedPage {
  const doc = parse(html);
  const bodies: T.Element[] = [];
  const filterTags: string[] = [];
  let documentTitle = '';

  const scan = (n: Node, excluded: boolean) => {
    if (isElement(n)) {
      const ignore = attr(n, 'data-pagefind-ignore');
      const nowExcluded = excluded || ignore === 'all';
      if (!nowExcluded && (hasAttr(n, 'data-pagefind-filter') || hasAttr(n, 'data-pagefind-sort'))) {
        filterTags.push(shallow(n));
      }
      if (n.tagName === 'title' && !documentTitle) documentTitle = textContent(n);
      if (hasAttr(n, 'data-pagefind-body') && !nowExcluded) bodies.push(n);
      if (n.tagName === 'template') return;
      for (const c of n.childNodes) scan(c, nowExcluded);
    } else if ('childNodes' in n) {
      for (const c of n.childNodes) scan(c, excluded);
    }
  };
  scan(doc, false);

  if (bodies.length === 0) return { indexed: false, title: '', text: '', filterTags };

  let title = '';
  const parts: string[] = [];
  const walk = (n: Node, out: string[]) => {
    if (n.nodeName === '#text') {
      out.push((n as T.TextNode).value);
      return;
    }
    if (!isElement(n)) return;
    if (SKIPPED.has(n.tagName) || hasAttr(n, 'data-pagefind-ignore')) return;
    const block = BLOCKS.has(n.tagName);
    if (block) out.push('\n');
    if (n.tagName === 'h1' && !title) {
      const own: string[] = [];
      for (const c of n.childNodes) walk(c, own);
      title = own.join('').replace(/\s+/g, ' ').trim();
      out.push(...own);
    } else {
      for (const c of n.childNodes) walk(c, out);
    }
    if (block) out.push('\n');
  };
  // Nested bodies are indexed once, as part of the outermost.
  const outermost = bodies.filter((b) => !bodies.some((o) => o !== b && contains(o, b)));
  for (const body of outermost) {
    parts.push('\n');
    for (const c of body.childNodes) walk(c, parts);
    parts.push('\n');
  }
  const text = parts.join('').replace(/[^\S\n]+/g, ' ').replace(/ ?\n[\s]*/g, '\n').trim();
  return { indexed: true, title: title || documentTitle.trim(), text, filterTags };
}

function contains(outer: T.Element, inner: T.Element): boolean {
  for (let p: T.ParentNode | null = inner.parentNode; p; p = 'parentNode' in p ? p.parentNode : null) {
    if (p === outer) return true;
  }
  return false;
}

/** Attributes that must not follow a filter into the index document. */
const DROPPED_ATTRS = new Set(['id', 'data-pagefind-body', 'data-pagefind-ignore', 'data-pagefind-weight', 'data-pagefind-meta', 'data-pagefind-default-meta', 'data-pagefind-index-attrs']);
const VOID = new Set(['meta', 'link', 'img', 'input', 'br', 'hr', 'source']);

/** An element with its attributes and only its text, so Pagefind reads the same filter value. */
function shallow(el: T.Element): string {
  const attrs = el.attrs
    .filter((a) => !DROPPED_ATTRS.has(a.name))
    .map((a) => ` ${a.name}="${escapeHtml(a.value)}"`)
    .join('');
  if (VOID.has(el.tagName)) return `<${el.tagName}${attrs}>`;
  return `<${el.tagName}${attrs}>${escapeHtml(textContent(el))}</${el.tagName}>`;
}
