import type { PortalData } from './portal-data.ts';
import { isPublished } from './publish.ts';

/**
 * What may leave the build: charts and downloads read only this. Drafts and future-dated news,
 * stories and worker profiles are dropped, and so are award and nomination rows naming a worker
 * whose profile is not published yet, so a held-back person is not revealed through a table.
 */
export function publicData(data: PortalData, now?: Date): PortalData {
  const published = <T extends { data: { draft?: boolean; date?: string } }>(entries: T[]) =>
    entries.filter((e) => isPublished(e.data, now));
  const workers = published(data.content.workers);
  const shownWorkers = new Set(workers.map((w) => w.id));
  const workerCategories = new Set(
    data.awardCategories.filter((c) => c.recipient_kind === 'worker').map((c) => `${c.year}/${c.id}`),
  );
  const shown = (row: { year: number; category: string; recipient: string }) =>
    !workerCategories.has(`${row.year}/${row.category}`) || shownWorkers.has(row.recipient);
  return {
    ...data,
    awards: data.awards.filter(shown),
    nominations: data.nominations.filter(shown),
    content: {
      ...data.content,
      news: published(data.content.news),
      stories: published(data.content.stories),
      workers,
    },
  };
}
