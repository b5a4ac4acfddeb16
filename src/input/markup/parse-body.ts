import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';

/** The MDX nodes remark-rehype hands on untouched, as @mdx-js/mdx has it do. */
export const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

// The same steps as the site's Markdown pipeline (astro.config.mjs), up to the HTML tree, keeping
// each node's line and column.
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkCjkFriendly).use(remarkRehype, { passThrough: MDX_NODE_TYPES } as RemarkRehypeOptions);

/** A Markdown body as the HTML tree the site builds from it, raw HTML parsed. */
export function markdownTree(body: string): Root {
  const file = new VFile(body);
  return markdown.runSync(markdown.parse(file), file);
}

/** An MDX body as an HTML tree that still holds its components and expressions; throws on MDX syntax errors. */
export function mdxTree(body: string): Root {
  const file = new VFile(body);
  return mdx.runSync(mdx.parse(file), file) as Root;
}
