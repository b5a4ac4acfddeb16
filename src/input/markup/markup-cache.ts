import { codeVersion, digest, readDigestCache, writeDigestCache } from '../../build-cache/digest-cache.ts';
import type { MarkupCache } from './markup-problems.ts';
import type { Finding } from './refused-html.ts';

/**
 * The build's cache of the markup check between runs (markup-problems.ts), kept on disk: Node only,
 * apart from the check itself, which the CMS also runs in the browser. Its version: the check's
 * code (this folder, the components' schema it reads) and the parsers.
 */
const markupVersion = () =>
  codeVersion(['src/input/markup', 'src/input/schema/mdx-components.ts', 'src/input/invisible.ts'], ['remark-parse', 'remark-rehype', 'rehype-raw', 'rehype-sanitize', 'hast-util-sanitize', 'remark-cjk-friendly', 'remark-gfm', 'remark-mdx', 'unified', 'vfile', 'vfile-message', 'property-information']);

export function readMarkupCache(file: string): MarkupCache {
  const version = markupVersion();
  return { version, saved: readDigestCache<Finding[]>(file, version), used: new Map(), digest };
}

/** Keeps exactly the bodies of this build. */
export function writeMarkupCache(file: string, cache: MarkupCache): void {
  writeDigestCache(file, cache.version, cache.used);
}

