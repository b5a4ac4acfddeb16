import type { Nodes, Root } from 'hast';
import { raw } from 'hast-util-raw';
import type { VFile } from 'vfile';
import { formatProblem } from '../../input/problems.ts';
import { sanitizeBody } from '../../input/markup/html-schema.ts';
import { MDX_NODE_TYPES } from '../../input/markup/parse-body.ts';
import { refusedMdx } from '../../input/markup/refused-mdx.ts';

/**
 * Defence in depth behind `npm run validate`, first of the site's rehype plugins. A Markdown body's
 * raw HTML is parsed here (Astro would parse it only after every plugin) and cut down to BODY_SCHEMA
 * (its addresses judged as browsers read them: address.ts).
 * An MDX story's tree still holds components and expressions, which the sanitiser would drop: it is
 * checked with the validator's own rules instead, and a story that breaks them stops the build.
 */
export default function rehypeSanitizeBody() {
  return (tree: Root, file: VFile): Root | undefined => {
    if (file.extname === '.mdx' || hasMdx(tree)) {
      const refused = refusedMdx(tree);
      if (refused.length > 0) {
        const where = file.path || 'MDX';
        throw new Error(refused.map((f) => formatProblem({ file: where, ...f })).join('\n'));
      }
      return undefined;
    }
    return sanitizeBody(raw(tree, { file }) as Root);
  };
}

function hasMdx(node: Nodes): boolean {
  return MDX_NODE_TYPES.includes(node.type) || ('children' in node && node.children.some(hasMdx));
}
