import type { Nodes, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { defaultSchema } from 'rehype-sanitize';
import { addressAllowed } from './address.ts';

/**
 * The one list of HTML that editors' Markdown and MDX bodies may hold: GitHub's (rehype-sanitize's
 * defaultSchema), narrowed for news and stories. `npm run validate` refuses whatever this schema
 * would remove, with its line; the Markdown pipeline removes it too, in case anything got past.
 */

type Schema = typeof defaultSchema;
type Attributes = NonNullable<Schema['attributes']>;

// What any allowed tag may carry: GitHub's list without the form, microdata, image-map and
// presentational leftovers a news page has no use for.
const COMMON = new Set(['align', 'alt', 'border', 'cellPadding', 'cellSpacing', 'checked', 'colSpan', 'dateTime', 'dir', 'headers', 'height', 'hrefLang', 'lang', 'rowSpan', 'scope', 'span', 'start', 'summary', 'title', 'vAlign', 'value', 'width']);
const DROPPED_ATTRIBUTES = new Set(['itemScope', 'itemType']);
const without = (list: Attributes[string] = []) => list.filter((a) => !DROPPED_ATTRIBUTES.has(typeof a === 'string' ? a : String(a[0])));

// The ids remark-rehype gives footnotes; an editor's own id could shadow a name the site's scripts use.
const FOOTNOTE_ID: [string, RegExp] = ['id', /^user-content-/];

const attributes: Attributes = Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [tag, without(list)]));
attributes['*'] = (attributes['*'] ?? []).filter((a) => typeof a === 'string' && COMMON.has(a)).concat([FOOTNOTE_ID]);
// The heading of the footnotes, which each reference names by aria-describedby.
attributes.h2 = [...(attributes.h2 ?? []), ['id', 'footnote-label']];
attributes.col = ['span'];
attributes.colgroup = ['span'];

export const BODY_SCHEMA: Schema = {
  ...defaultSchema,
  // A table's caption and column groups, a figure with its caption, and a few inline marks news use.
  tagNames: [...(defaultSchema.tagNames ?? []), 'caption', 'col', 'colgroup', 'figure', 'figcaption', 'u', 'mark', 'small', 'abbr', 'cite'],
  ancestors: { ...defaultSchema.ancestors, caption: ['table'], col: ['table'], colgroup: ['table'] },
  attributes,
  // Ids are already limited to footnotes' own: nothing to rename (renaming would break their links).
  clobber: [],
  clobberPrefix: '',
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
  // Removed with what they hold, not just unwrapped: their text is code or markup, not reading matter.
  strip: ['script', 'style', 'template', 'textarea', 'title', 'noscript', 'iframe', 'object', 'embed', 'xmp', 'noembed', 'noframes'],
};

/**
 * A body cut down to what it may hold: first every address the browser would read as leading
 * elsewhere than it looks (address.ts; pictures only from the portal itself: one from another site
 * would be blocked by the pages' policy, an empty box, and would tell that site who reads the page),
 * then BODY_SCHEMA. The input tree is left as it was.
 */
export function sanitizeBody(tree: Root): Root {
  return sanitize(withoutForeignAddresses(tree) as Root, BODY_SCHEMA) as Root;
}

function withoutForeignAddresses(node: Nodes): Nodes {
  if (!('children' in node)) return node;
  const children = node.children.map(withoutForeignAddresses);
  if (node.type !== 'element') return { ...node, children } as Nodes;
  const properties = Object.fromEntries(Object.entries(node.properties).filter(([property, value]) => addressAllowed(property, value)));
  return { ...node, properties, children } as Nodes;
}

/** The tags editors may write, for hints. */
export const ALLOWED_TAGS: readonly string[] = BODY_SCHEMA.tagNames ?? [];

/** The attributes one tag may carry, by the names editors write (class, colspan …), for hints. */
export function allowedAttributes(tag: string): string[] {
  const names = [...(attributes[tag] ?? []), ...(attributes['*'] ?? [])].map((a) => attributeName(typeof a === 'string' ? a : String(a[0])));
  return [...new Set(names)];
}

/** The name an editor writes for a hast property: className → class, colSpan → colspan. */
export function attributeName(property: string): string {
  return find(html, property).attribute;
}
