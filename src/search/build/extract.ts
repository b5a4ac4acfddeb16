/**
 * What of a built page is searchable: the text inside elements marked data-pagefind-body, without
 * what is marked data-pagefind-ignore and without the parts Pagefind itself never indexes (nav,
 * footer, forms, scripts…), with a line break between blocks so that no match runs from one
 * paragraph, cell or list item into the next. The title is the first h1 of that text.
 *
 * This is both what the index is built from and the ground truth the benchmark checks it against.
 * The page is read in one streaming pass (htmlparser2), without building a tree: on the pages the
 * site writes it reads what the HTML standard's parser reads (tests compare it with parse5), at a
 * fraction of the cost, which was most of the index step's own time.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content Pagefind never indexes (its REMOVE_SELECTORS). */
const SKIPPED = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);

/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'legend', 'li', 'main',
  'ol', 'option', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

export interface ExtractedPage {
  /** False when the page has no data-pagefind-body: it is not searchable. */
  indexed: boolean;
  title: string;
  /** Searchable text, blocks separated by line breaks. */
  text: string;
  /** Elements carrying data-pagefind-filter / data-pagefind-sort, as HTML (what Pagefind reads them from). */
  filterTags: string[];
  /** The same filters and sort keys by name, as Pagefind reads them from those elements. */
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Attributes that must not follow a filter into the index document. */
const DROPPED_ATTRS = new Set(['id', 'data-pagefind-body', 'data-pagefind-ignore', 'data-pagefind-weight', 'data-pagefind-meta', 'data-pagefind-default-meta', 'data-pagefind-index-attrs']);
/** Void elements written without a closing tag in a filter element (as before). */
const SHALLOW_VOID = new Set(['meta', 'link', 'img', 'input', 'br', 'hr', 'source']);

/** An open element and what the reading does inside it. */
interface Open {
  tag: string;
  /** Starts a searchable region (an outermost data-pagefind-body). */
  body: boolean;
  /** Starts a part left out of the text (SKIPPED, or data-pagefind-ignore inside a body). */
  skip: boolean;
  block: boolean;
  /** data-pagefind-ignore="all": nothing inside counts, filters and bodies included. */
  all: boolean;
  /** Collects its text for the title (the first h1) or a filter element. */
  title: boolean;
  filter?: { slot: number; attrs: Record<string, string>; text: string };
  template: boolean;
}

/** A filter or sort attribute's names, each with its value: from an attribute, written inline, or the element's text. */
function keys(spec: string, attrs: Record<string, string>): { name: string; value?: string }[] {
  return spec.split(',').map((part) => {
    const item = part.trim();
    const fromAttr = /^([^[:]+)\[([^\]]+)\]$/.exec(item);
    if (fromAttr) return { name: fromAttr[1]!.trim(), value: attrs[fromAttr[2]!.trim()] ?? '' };
    const colon = item.indexOf(':');
    if (colon > 0) return { name: item.slice(0, colon).trim(), value: item.slice(colon + 1).trim() };
    return { name: item };
  });
}

export function extractPage(html: string): ExtractedPage {
  const stack: Open[] = [];
  const filterTags: string[] = [];
  const filters: Record<string, string[]> = {};
  const sort: Record<string, string> = {};
  const parts: string[] = [];
  const titleParts: string[] = [];
  let documentTitle = '';
  let inTitleElement = false;
  let bodies = 0; // open searchable regions (only the outermost counts)
  let skipping = 0; // open skipped parts inside a region
  let ignoringAll = 0;
  let templates = 0;
  let h1Seen = false;
  let collectingTitle = 0;
  let sawBody = false;
  const openFilters: NonNullable<Open['filter']>[] = [];

  const add = (name: string, value: string, isSort: boolean): void => {
    if (isSort) sort[name] = value;
    else (filters[name] ??= []).push(value);
  };

  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        const open: Open = { tag, body: false, skip: false, block: false, all: false, title: false, template: tag === 'template' };
        stack.push(open);
        if (templates > 0) return; // a template's content is not part of the document
        if (open.template) templates++;
        // The first <title> with any text, wherever it is.
        if (tag === 'title' && !documentTitle) ((inTitleElement = true), (documentTitle = ''));
        const ignore = attrs['data-pagefind-ignore'];
        if (ignore === 'all') ((open.all = true), ignoringAll++);
        if (ignoringAll === 0 && ('data-pagefind-filter' in attrs || 'data-pagefind-sort' in attrs)) {
          const kept = Object.entries(attrs).filter(([name]) => !DROPPED_ATTRS.has(name));
          // Listed where it starts, as a walk of the tree would list it.
          open.filter = { slot: filterTags.push('') - 1, attrs: Object.fromEntries(kept), text: '' };
          openFilters.push(open.filter);
        }
        if (bodies > 0) {
          if (skipping > 0 || SKIPPED.has(tag) || ignore !== undefined) {
            open.skip = true;
            skipping++;
          } else {
            open.block = BLOCKS.has(tag);
            if (open.block) parts.push('\n');
            if (tag === 'h1' && !h1Seen) ((h1Seen = true), (open.title = true), collectingTitle++);
          }
        } else if (ignoringAll === 0 && 'data-pagefind-body' in attrs) {
          open.body = true;
          sawBody = true;
          bodies++;
          parts.push('\n');
        }
      },
      ontext(text) {
        if (templates > 0) return;
        if (inTitleElement) documentTitle += text;
        for (const f of openFilters) f.text += text;
        if (bodies > 0 && skipping === 0) {
          parts.push(text);
          if (collectingTitle > 0) titleParts.push(text);
        }
      },
      onclosetag(tag) {
        const open = stack.pop();
        if (!open) return;
        if (open.template) {
          templates--;
          if (templates > 0) return;
        } else if (templates > 0) return;
        if (tag === 'title') inTitleElement = false;
        if (open.all) ignoringAll--;
        if (open.filter) {
          openFilters.splice(openFilters.indexOf(open.filter), 1);
          const { slot, attrs, text } = open.filter;
          const attrText = Object.entries(attrs).map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
          filterTags[slot] = SHALLOW_VOID.has(tag) ? `<${tag}${attrText}>` : `<${tag}${attrText}>${escapeHtml(text)}</${tag}>`;
          for (const isSort of [false, true]) {
            const spec = attrs[isSort ? 'data-pagefind-sort' : 'data-pagefind-filter'];
            if (spec !== undefined) for (const k of keys(spec, attrs)) add(k.name, k.value ?? text.replace(/\s+/g, ' ').trim(), isSort);
          }
        }
        if (open.skip) skipping--;
        if (open.block) parts.push('\n');
        if (open.title) collectingTitle--;
        if (open.body) ((bodies--), parts.push('\n'));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (!sawBody) return { indexed: false, title: '', text: '', filterTags, filters, sort };
  const text = parts.join('').replace(/[^\S\n]+/g, ' ').replace(/ ?\n[\s]*/g, '\n').trim();
  const title = titleParts.join('').replace(/\s+/g, ' ').trim();
  return { indexed: true, title: title || documentTitle.trim(), text, filterTags, filters, sort };
}
