/**
 * Whether an editor's item may appear anywhere in the output (pages, lists, feeds, search,
 * downloads, charts): not a draft, and its date not in the future at build time.
 */
export function isPublished(item: { draft?: boolean; date?: string }, now: Date = buildTime()): boolean {
  if (item.draft) return false;
  if (item.date && item.date > now.toISOString().slice(0, 10)) return false;
  return true;
}

/** The moment the build takes as "now"; PORTAL_NOW (YYYY-MM-DD) pins it for reproducible builds and tests. */
export function buildTime(): Date {
  const pinned = process.env.PORTAL_NOW;
  if (pinned) {
    const date = new Date(`${pinned}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) throw new Error(`PORTAL_NOW 应写成“年-月-日”，实际为“${pinned}”`);
    return date;
  }
  return new Date();
}
