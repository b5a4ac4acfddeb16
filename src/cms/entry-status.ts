import { isPublished } from '../model/publish.ts';
import { STATUS_FIELD } from './names.ts';

/**
 * What the site does with an entry, said in the CMS's lists: the same gate as the build
 * (src/model/publish.ts), read at the moment the list is drawn. A dated entry that is neither a
 * draft nor published is waiting for its day, which a build on or after that day publishes.
 */
export function entryStatus(data: { draft?: unknown; date?: unknown }, now = new Date()): string {
  const dated = { draft: data.draft === true, date: typeof data.date === 'string' ? data.date : undefined };
  if (dated.draft) return '草稿';
  if (!isPublished(dated, now)) return `定时发布（${dated.date}）`;
  return '已发布';
}

/** The entry's fields with its status beside them, for a collection that has a draft switch. */
export const withStatus = (data: Record<string, unknown>, now = new Date()): Record<string, unknown> => ({ ...data, [STATUS_FIELD]: entryStatus(data, now) });

/** The fields to write: the status is the CMS's own, never the file's. */
export function withoutStatus(data: Record<string, unknown>): Record<string, unknown> {
  const { [STATUS_FIELD]: _status, ...fields } = data;
  return fields;
}

/** Whether the build publishes it today (Beijing): its page exists on the site. */
export const isLive = (data: { draft?: unknown; date?: unknown }, now = new Date()) => entryStatus(data, now) === '已发布';
