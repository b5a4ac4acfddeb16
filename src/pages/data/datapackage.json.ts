import type { APIRoute } from 'astro';
import { dataPackage, datasets } from '../../model/open-data/datasets.ts';
import { sections } from '../../model/urls.ts';
import { getSite } from '../../astro/site.ts';

/** The Frictionless Data Package describing /data/, generated from the schemas that validate the build. */
export const GET: APIRoute = ({ site }) => {
  const model = getSite();
  const { campaign } = model.current;
  const pkg = dataPackage(datasets(model), {
    title: `${campaign.title}公开数据`,
    homepage: site ? new URL(sections.data, site).href : undefined,
  });
  return new Response(`${JSON.stringify(pkg, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
