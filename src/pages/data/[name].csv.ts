import type { APIRoute, GetStaticPaths } from 'astro';
import { csvResponse } from '../../lib/open-data/csv.ts';
import { datasetCsv, datasets, type Dataset } from '../../lib/open-data/datasets.ts';
import { getSite } from '../../site/site.ts';

/** Every public table as CSV, headers only while a table is still empty. */
export const getStaticPaths = (() =>
  datasets(getSite()).map((set) => ({ params: { name: set.name }, props: { set } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ set: Dataset }> = ({ props }) => csvResponse(datasetCsv(props.set));
