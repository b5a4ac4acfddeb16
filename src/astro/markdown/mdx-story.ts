import crypto from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroConfig, ContentEntryType } from 'astro';
import type { Comment, Element, ElementContent, Nodes, Root, RootContent } from 'hast';
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { find, html } from 'property-information';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import type { PhrasingContent, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import type { VFile } from 'vfile';
import { MDX_NODE_TYPES } from '../../input/markup/parse-body.ts';
import { literalValue } from '../../input/markup/refused-mdx.ts';
import { MDX_COMPONENTS } from '../../input/schema/mdx-components.ts';

/**
 * MDX stories rendered as data, not compiled into modules. Once `npm run validate`'s check (and
 * rehypeSanitizeBody again, here) has accepted a story, its body is Markdown, HTML from the allowlist
 * and allowlisted components with literal props: nothing to run. So it goes through the site's own
 * Markdown pipeline (the same remark/rehype plugins, heading ids and image handling as a .md body,
 * parsed with MDX's syntax), each component standing as a marker in the HTML, and the story page
 * (src/components/StoryBody.astro) draws the components at their markers. No editor's text becomes
 * code, and Vite no longer bundles two modules per story on every build (README: the A/B).
 */

/** A component written in a story, with its literal props. */
export interface StoryComponent {
  name: string;
  props: Record<string, unknown>;
}

/** A story's components, in order, and its markers' nonce. */
export interface StoryComponents {
  nonce: string;
  components: StoryComponent[];
}

/** What the story page draws, in order: HTML from the pipeline, or a component. */
export type StoryBlock = { html: string } | StoryComponent;

interface Rendered {
  html: string;
  metadata?: { [key: string]: unknown };
}

/**
 * The marker a component leaves in the HTML. Its nonce is a digest of the body, so a body cannot
 * contain its own markers (in an attribute's value, say) and have its text taken for a component.
 */
const marker = (nonce: string, index: number) => `portal-component-${nonce}-${index}`;

/**
 * The last of the site's rehype plugins for a story: MDX's HTML elements become plain elements,
 * components become markers (listed in `found`, by file), MDX comments ({/* … *\/}) go. Anything else of
 * MDX has been refused by the check before this runs; meeting it here is a bug, not a story to guess at.
 */
export function rehypeStoryComponents(found: Map<string, StoryComponents>) {
  return (tree: Root, file: VFile) => {
    const nonce = crypto.createHash('sha256').update(String(file.value)).digest('hex').slice(0, 32);
    const components: StoryComponent[] = [];
    const convert = (node: Nodes | Jsx | MdxOther): RootContent[] => {
      switch (node.type) {
        case 'mdxjsEsm':
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (node.type !== 'mdxjsEsm' && node.data?.estree?.body.length === 0) return [];
          throw new Error(`MDX 代码未被检查拒绝：${node.value}`);
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          if (node.name === null) return node.children.flatMap((child) => convert(child as Nodes));
          if (/^[a-z][a-z0-9-]*$/.test(node.name)) {
            const element: Element = { type: 'element', tagName: node.name, properties: htmlProperties(node), children: node.children.flatMap((child) => convert(child as Nodes)) as ElementContent[] };
            alignToStyle(element);
            if (node.position) element.position = node.position;
            return [element];
          }
          // The components take no children (none has a slot): as when MDX compiled them, none is drawn.
          components.push({ name: node.name, props: componentProps(node) });
          const comment: Comment = { type: 'comment', value: marker(nonce, components.length - 1) };
          return [comment];
        }
        case 'element':
          alignToStyle(node);
          node.children = node.children.flatMap((child) => convert(child as Nodes)) as typeof node.children;
          return [node];
        case 'root':
          node.children = node.children.flatMap((child) => convert(child as Nodes)) as typeof node.children;
          return [node as unknown as RootContent];
        default:
          return [node as RootContent];
      }
    };
    convert(tree);
    found.set(file.path, { nonce, components });
  };
}

/**
 * MDX's own step (@mdx-js/mdx's remark-mark-and-unravel, not exported by the package): a paragraph
 * holding only components, JSX elements or comments and whitespace is not a paragraph, its JSX is
 * block-level. Without it `<tr><td>…</td></tr>` in a JSX table would sit in a <p>.
 */
export function remarkUnravelJsx() {
  const jsx = (child: PhrasingContent) => child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression';
  const blank = (child: PhrasingContent) => child.type === 'text' && /^[\t\n\f\r ]*$/.test(child.value);
  const unravel = (parent: MdastParent) => {
    parent.children = parent.children.flatMap((child) => {
      if (child.type !== 'paragraph') {
        if ('children' in child) unravel(child as MdastParent);
        return [child];
      }
      if (!child.children.some(jsx) || !child.children.every((c) => jsx(c) || blank(c))) return [child];
      return child.children
        .filter((c) => !(c.type === 'text' && /^[\t\r\n ]+$/.test(c.value)))
        .map((c) => {
          const flow = { ...c, type: c.type === 'mdxJsxTextElement' ? 'mdxJsxFlowElement' : c.type === 'mdxTextExpression' ? 'mdxFlowExpression' : c.type } as unknown as MdastContent;
          if ('children' in flow) unravel(flow as MdastParent);
          return flow;
        });
    });
  };
  return (tree: MdastRoot) => unravel(tree);
}

type MdastParent = { children: MdastContent[] };

type Jsx = MdxJsxFlowElementHast | MdxJsxTextElementHast;
type MdxOther = { type: 'mdxjsEsm' | 'mdxFlowExpression' | 'mdxTextExpression'; value: string; data?: { estree?: { body: unknown[] } } };

/**
 * As MDX wrote a Markdown table's column alignment: style="text-align:right", not the obsolete
 * align attribute that the HTML checker refuses.
 */
function alignToStyle(element: Element): void {
  const align = element.properties.align;
  if ((element.tagName !== 'td' && element.tagName !== 'th') || align === undefined || align === null) return;
  delete element.properties.align;
  const style = element.properties.style;
  element.properties.style = `${typeof style === 'string' && style !== '' ? `${style};` : ''}text-align:${String(align)}`;
}

function attributes(node: Jsx): { attribute: MdxJsxAttribute; value: unknown }[] {
  return node.attributes.map((attribute) => {
    const literal = attribute.type === 'mdxJsxAttribute' ? literalValue(attribute) : undefined;
    if (!literal) throw new Error(`MDX 代码未被检查拒绝：<${node.name}> 的属性`);
    return { attribute: attribute as MdxJsxAttribute, value: literal.value };
  });
}

/** As the check reads them (refused-mdx.ts), and as MDX passed them to Astro. */
function htmlProperties(node: Jsx): Element['properties'] {
  const properties: Element['properties'] = {};
  for (const { attribute, value } of attributes(node)) {
    properties[find(html, attribute.name).property] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  }
  return properties;
}

function componentProps(node: Jsx): Record<string, unknown> {
  const allowed = MDX_COMPONENTS[node.name!];
  if (!allowed) throw new Error(`MDX 组件未被检查拒绝：<${node.name}>`);
  const props: Record<string, unknown> = {};
  for (const { attribute, value } of attributes(node)) {
    if (!allowed[attribute.name]) throw new Error(`MDX 组件属性未被检查拒绝：<${node.name}> ${attribute.name}`);
    props[attribute.name] = value;
  }
  return props;
}

/**
 * The content entry type for .mdx stories: MDX's frontmatter reading, and a render function
 * instead of a compiled module. The site's Markdown processor (astro.config.mjs) gives the plugins,
 * with MDX's syntax first (as @mdx-js/mdx adds it before GFM) and the component markers last.
 */
export function mdxStoryEntryType(mdxType: ContentEntryType): ContentEntryType {
  return {
    extensions: mdxType.extensions,
    getEntryInfo: mdxType.getEntryInfo,
    handlePropagation: false,
    async getRenderFunction(config: AstroConfig) {
      const { markdown, image } = config;
      const options = (markdown.processor as { options?: { remarkPlugins?: unknown[]; rehypePlugins?: unknown[]; smartypants?: boolean } }).options;
      if (markdown.processor.name !== 'unified' || !options) throw new Error('MDX stories need markdown.processor: unified(…) (astro.config.mjs)');
      // Each render's components, by file: the loader renders several stories at once.
      const found = new Map<string, StoryComponents>();
      const processor = unified({
        remarkPlugins: [remarkMdx, remarkGfm, ...(options.remarkPlugins ?? []), remarkUnravelJsx] as never,
        rehypePlugins: [...(options.rehypePlugins ?? []), [rehypeStoryComponents, found]] as never,
        remarkRehype: { passThrough: MDX_NODE_TYPES },
        gfm: false,
        smartypants: options.smartypants,
      });
      const renderer = await processor.createRenderer({ image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: false, smartypants: options.smartypants });
      return async (entry) => {
        const fileURL = entry.filePath ? pathToFileURL(entry.filePath) : undefined;
        const result = await renderer.render(entry.body ?? '', { frontmatter: entry.data, fileURL });
        const { localImagePaths, remoteImagePaths } = result.metadata;
        const key = fileURL ? fileURLToPath(fileURL) : '';
        const storyComponents = found.get(key);
        found.delete(key);
        if (!storyComponents) throw new Error(`先进经验正文未经组件处理：${entry.filePath}`);
        return { html: result.code, metadata: { ...result.metadata, imagePaths: localImagePaths.concat(remoteImagePaths), storyComponents } };
      };
    },
  };
}

/** A rendered story as the blocks its page draws (a Markdown story is one block of HTML). */
export function storyBlocks(rendered: Rendered | undefined): StoryBlock[] {
  if (!rendered) throw new Error('先进经验正文未能生成');
  const stored = rendered.metadata?.storyComponents as StoryComponents | undefined;
  if (!stored || stored.components.length === 0) return [{ html: rendered.html }];
  const blocks: StoryBlock[] = [];
  let rest = rendered.html;
  stored.components.forEach((component, index) => {
    const mark = `<!--${marker(stored.nonce, index)}-->`;
    const at = rest.indexOf(mark);
    if (at < 0) throw new Error(`先进经验正文中找不到第 ${index + 1} 个组件 <${component.name}> 的位置`);
    blocks.push({ html: rest.slice(0, at) }, component);
    rest = rest.slice(at + mark.length);
  });
  blocks.push({ html: rest });
  return blocks.filter((block) => !('html' in block) || block.html !== '');
}
