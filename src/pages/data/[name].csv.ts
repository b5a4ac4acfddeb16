import type { APIRoute, GetStaticPaths } from 'astro';
import { csvResponse } from '../../model/open-data/csv-file.ts';
import { datasetCsv, datasets, type Dataset } from '../../model/open-data/datasets.ts';
import { getSite } from '../../astro/site.ts';

/** Every public table as CSV, headers only while a table is still empty. */
export const getStaticPaths = (() =>
  datasets(getSite()).map((set) => ({ params: { name: set.name }, props: { set } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ set: Dataset }> = ({ props }) => csvResponse(datasetCsv(props.set));
