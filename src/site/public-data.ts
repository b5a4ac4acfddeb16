import { config } from '../lib/config.ts';
import { campaignYears } from '../lib/model.ts';
import { loadPortalData, type PortalData } from '../lib/portal-data.ts';
import { publicData } from '../lib/public-data.ts';
import { buildTime } from '../lib/publish.ts';

/**
 * The validated data with everything unpublished removed (drafts, future dates, held-back people):
 * what charts and downloads are made from.
 */
let cached: PortalData | undefined;

export function getPublicData(): PortalData {
  cached ??= publicData(loadPortalData(config().contentRoot), buildTime());
  return cached;
}

/** A chart's year as an editor wrote it in a story, checked, so a typo stops the build with a message. */
export function checkYear(data: PortalData, year: unknown, chart: string): number {
  const years = campaignYears(data);
  if (typeof year !== 'number' || !years.includes(year)) {
    throw new Error(`${chart}：year 应为竞赛年度之一（${years.join('、')}），例如 year={${years[0]}}；实际为 ${JSON.stringify(year)}`);
  }
  return year;
}
