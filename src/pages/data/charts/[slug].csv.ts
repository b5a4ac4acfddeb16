import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCsv } from '../../../lib/charts/csv.ts';
import { allCharts } from '../../../lib/charts/registry.ts';
import type { ChartData } from '../../../lib/charts/types.ts';
import { csvResponse } from '../../../lib/open-data/csv.ts';
import { getPublicData } from '../../../site/public-data.ts';

/** The data of every chart the site can show, as the chart's own CSV. */
export const getStaticPaths = (() =>
  allCharts(getPublicData()).map((chart) => ({ params: { slug: chart.slug }, props: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ chart: ChartData }> = ({ props }) => csvResponse(chartCsv(props.chart));
