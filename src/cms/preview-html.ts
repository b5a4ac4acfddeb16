import type { Root, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { toHtml } from 'hast-util-to-html';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { BODY_SCHEMA } from '../input/markup/html-schema.ts';

/**
 * An entry's body as the page shows it, for the CMS's preview: the site's own Markdown reading
 * (GFM, CJK-friendly emphasis) and the build's one list of allowed HTML (BODY_SCHEMA), so nothing
 * an editor wrote runs in the preview, as on the site. A story's components (charts, tables) are
 * drawn on the site from the repository's data; here each is a labelled box saying which one.
 */
function componentsAsBoxes() {
  return (tree: Root) => {
    const visit = (node: Root | RootContent): void => {
      if (!('children' in node)) return;
      node.children = node.children.map((child) => {
        if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
          const attrs = child.attributes.map((a) => ('name' in a ? `${a.name}=${typeof a.value === 'string' ? a.value : a.value ? '{…}' : ''}` : '')).filter(Boolean).join(' ');
          const text = { type: 'text' as const, value: `［${child.name ?? '组件'}${attrs ? ` ${attrs}` : ''}：网站上在这里显示图表或表格］` };
          return (child.type === 'mdxJsxFlowElement' ? { type: 'paragraph', children: [text] } : text) as RootContent;
        }
        if (child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression' || child.type === 'mdxjsEsm') return { type: 'text', value: '' } as RootContent;
        visit(child);
        return child;
      }) as never;
    };
    visit(tree);
  };
}

/**
 * remark-mdx, for a story's body: asked for by this module, which is always loaded first, so the
 * bundle keeps what the two share here rather than in a third file.
 */
export async function storyMdx(): Promise<unknown> {
  return (await import('remark-mdx')).default;
}

/** `mdx`: remark-mdx, for a story (loaded by the caller only then: it brings a JavaScript parser). */
export function bodyHtml(body: string, mdx?: unknown): string {
  const processor = unified().use(remarkParse);
  if (mdx) processor.use(mdx as never).use(componentsAsBoxes);
  const tree = processor.use(remarkGfm).use(remarkCjkFriendly).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeSanitize, BODY_SCHEMA);
  try {
    return toHtml(tree.runSync(tree.parse(body)) as never);
  } catch (error) {
    // An MDX body the build would refuse: say so instead of drawing half of it.
    return `<p role="alert">正文有写法错误，网站生成时会停下：${escapeHtml((error as Error).message)}</p>`;
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
