import path from 'node:path';

/**
 * Where editors' files live: the repository root for the real campaign, or another folder with
 * the same content/ and data/ layout (PORTAL_CONTENT=examples/demo).
 */
export function contentRoot(): string {
  return path.resolve(process.env.PORTAL_CONTENT ?? '.');
}

/** True when building the fictional demonstration campaign, whose every page says 示例. */
export function isDemo(root = contentRoot()): boolean {
  return path.relative(path.resolve('.'), root).split(path.sep).includes('examples');
}
