export const NEWS_PER_PAGE = 10;

/** Items split into list pages of perPage, newest first as given; an empty list is one empty page. */
export function paginate<T>(items: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages.length > 0 ? pages : [[]];
}
