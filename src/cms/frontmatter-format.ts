import { parse, stringify } from 'yaml';

/**
 * Stories and notices as the CMS reads and writes them: YAML frontmatter between `---` lines,
 * then the body exactly as it is. Sveltia trims a field's text, and its own frontmatter format
 * drops the blank lines after the frontmatter; so the blank lines around the body travel in a
 * hidden field of their own and are put back on saving. With the body edited as plain text, an
 * MDX story keeps every byte of it.
 */
const FRONTMATTER = /^---\n([\s\S]*?\n)?---\n/;

/** The hidden field holding the body's surrounding blank lines (never written into the YAML). */
export const BODY_EDGES = 'body_edges';
/** A new file's, as `npm run new` writes it: one blank line after the frontmatter, a final newline. */
const NEW_EDGES = JSON.stringify(['\n', '\n']);

/**
 * The format's name in a collection of files ending in `extension` (md, mdx). Sveltia accepts
 * only a name ending in -frontmatter for Markdown files.
 */
export const exactFrontmatter = (extension: string) => `exact-${extension}-frontmatter`;

export function fromMarkdown(text: string): Record<string, unknown> {
  const match = FRONTMATTER.exec(text);
  const fields = match ? ((parse(match[1] ?? '') as Record<string, unknown> | null) ?? {}) : {};
  const body = match ? text.slice(match[0].length) : text;
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(body) ?? [];
  return { ...fields, body: core, [BODY_EDGES]: JSON.stringify([lead, trail]) };
}

export function toMarkdown(data: Record<string, unknown>): string {
  const { body = '', [BODY_EDGES]: edges, ...fields } = data;
  const [lead, trail] = JSON.parse(typeof edges === 'string' && edges ? edges : NEW_EDGES) as [string, string];
  // One line a field however long (no folding), as editors write it and the schema reads it.
  const yaml = Object.keys(fields).length > 0 ? stringify(fields, { lineWidth: 0 }) : '';
  return `---\n${yaml}---\n${lead}${String(body).trim()}${trail}`;
}
