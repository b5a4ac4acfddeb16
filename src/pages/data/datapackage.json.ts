import type { APIRoute } from 'astro';
import { currentYear } from '../../lib/model.ts';
import { dataPackage, datasets } from '../../lib/open-data/datasets.ts';
import { sections } from '../../lib/urls.ts';
import { getPublicData } from '../../site/public-data.ts';

/** The Frictionless Data Package describing /data/, generated from the schemas that validate the build. */
export const GET: APIRoute = ({ site }) => {
  const data = getPublicData();
  const campaign = data.campaigns.find((c) => c.year === currentYear(data));
  const pkg = dataPackage(datasets(data), {
    title: `${campaign?.title ?? '“三比两降”节能减排劳动竞赛'}公开数据`,
    homepage: site ? new URL(sections.data, site).href : undefined,
  });
  return new Response(`${JSON.stringify(pkg, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
