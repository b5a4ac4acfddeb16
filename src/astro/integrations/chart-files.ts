import fs from 'node:fs';
import type { AstroIntegration } from 'astro';
import { chartCsv } from '../../model/charts/chart-csv.ts';
import { allCharts } from '../../model/charts/registry.ts';
import { buildTime, config } from '../config.ts';
import { diskRoot } from '../../input/disk-root.ts';
import { readPortalData } from '../../input/read.ts';
import { loadSite } from '../site-cache.ts';
import { siteModel, type Site } from '../../model/site.ts';
import { sections, urls } from '../../model/urls.ts';

/**
 * Every chart's data as its own CSV (/data/charts/<slug>.csv), written as plain files when the build
 * is done rather than rendered as an Astro route: Astro spends as long on a route as on a page, and a
 * large campaign has a chart for every enterprise (a third of all files at 20,000 pages). The dev
 * server makes the same file on request.
 */
export default function chartFiles(): AstroIntegration {
  const byPath = (site: Site) => new Map(allCharts(site).map((chart) => [urls.chartCsv(chart.slug), chart]));
  return {
    name: 'portal-chart-files',
    hooks: {
      'astro:build:done': ({ dir }) => {
        fs.mkdirSync(new URL(`.${sections.chartData}`, dir), { recursive: true });
        for (const [file, chart] of byPath(loadSite(config().contentRoot, buildTime()))) fs.writeFileSync(new URL(`.${file}`, dir), chartCsv(chart));
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (!req.url?.startsWith(sections.chartData)) return next();
          // Read afresh: in the dev server, an editor's change shows in the next download.
          const { data, problems } = readPortalData(diskRoot(config().contentRoot));
          const chart = problems.length === 0 ? byPath(siteModel(data, buildTime())).get(req.url.split('?')[0] ?? '') : undefined;
          if (!chart) return next();
          res.setHeader('Content-Type', 'text/csv; charset=utf-8');
          res.end(chartCsv(chart));
        });
      },
    },
  };
}
