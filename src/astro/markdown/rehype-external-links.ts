import { isAbsoluteUrl } from '../../input/schema/patterns.ts';

/**
 * A rehype plugin for editors' Markdown and MDX: every link to another site gets rel="noopener"
 * (kept beside any rel the editor wrote), so a page it opens cannot reach back into the portal.
 */
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

export function isExternal(href: string, site?: string): boolean {
  // A web address (the scheme in any letter case, as browsers read it) or a protocol-relative one.
  if (!isAbsoluteUrl(href.toLowerCase()) && !href.startsWith('//')) return false;
  if (!site) return true;
  try {
    return new URL(href, site).host !== new URL(site).host;
  } catch {
    return true;
  }
}

export function addNoopener(rel: unknown): string[] {
  const list = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/).filter(Boolean) : [];
  return list.includes('noopener') ? list : [...list, 'noopener'];
}

export default function rehypeExternalLinks(options: { site?: string } = {}) {
  const walk = (node: HastNode) => {
    if (node.type === 'element' && node.tagName === 'a' && node.properties) {
      const href = node.properties.href;
      if (typeof href === 'string' && isExternal(href, options.site)) node.properties.rel = addNoopener(node.properties.rel);
    }
    node.children?.forEach(walk);
  };
  return (tree: HastNode) => walk(tree);
}
