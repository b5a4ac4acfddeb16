import type { APIRoute, GetStaticPaths } from 'astro';
import { datasetJson, datasets, type Dataset } from '../../model/open-data/datasets.ts';
import { getSite } from '../../astro/site.ts';

/** Every public table as JSON: an array of rows. */
export const getStaticPaths = (() =>
  datasets(getSite()).map((set) => ({ params: { name: set.name }, props: { set } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ set: Dataset }> = ({ props }) =>
  new Response(datasetJson(props.set), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
