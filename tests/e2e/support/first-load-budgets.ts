/**
 * Each template's first-load budget: gzip bytes of the HTML, CSS and JS a page loads until the
 * network is idle, as tests/e2e/site-wide/budgets.spec.ts weighs them, for the heaviest page of the
 * template (a template is a route shape: /news/*, /enterprises/*).
 *
 * - before: what the template weighed before the share control, the QR codes and the print layout
 *   were added (measured on the commit before them, 8133fef). They were to add nothing to a page's
 *   first load, and so they have to fit in it.
 * - since: the same, plus content other work has added to the template's pages since (named), as
 *   measured then, rounded up to 100 bytes: no more than that content may have come.
 * - made: templates made since, at their weight when first measured, rounded up to 100 bytes.
 *
 * A page may weigh less; it may not weigh more without this file saying why.
 */
export interface Budget {
  bytes: number;
  why: string;
}

const before = (bytes: number): Budget => ({ bytes, why: 'its weight before the share control and print layout' });
const since = (bytes: number, added: number, content: string): Budget => ({ bytes: bytes + added, why: `its weight before the share control and print layout (${bytes}), and ${added} for ${content}` });
const made = (bytes: number): Budget => ({ bytes, why: 'its weight when the template was made' });

export const FIRST_LOAD_BUDGETS: Record<'real' | 'demo', Record<string, Budget>> = {
  real: {
    '/': before(10601),
    '/404.html': before(7495),
    '/archive/': before(7483),
    '/corrections/': made(7500),
    '/data/': since(11678, 1200, "open data lists the tables added since (公示, nominations, corrections)"),
    '/enterprises/': before(59538),
    '/enterprises/*': before(8599),
    '/honours/': made(7800),
    '/leaderboard/': before(8288),
    '/news/': before(7873),
    '/notices/*': before(13117),
    '/participate/': before(8884),
    '/quota/': before(59969),
    '/results/': since(8749, 200, "each year's 公示 and award procedure"),
    '/search/': before(10841),
    '/stories/': before(7808),
    '/workers/': before(7666),
  },
  demo: {
    '/': since(10529, 100, "the home page's 公示 box"),
    '/404.html': before(7609),
    '/archive/': before(7620),
    '/archive/*': since(60807, 1900, "an archived year's 公示, award procedure and honour records"),
    '/corrections/': made(8000),
    '/data/': since(11814, 1200, "open data lists the tables added since (公示, nominations, corrections)"),
    '/decisions/*': made(10200),
    '/enterprises/': before(58941),
    '/enterprises/*': since(59126, 200, "honour records and table corrections of the enterprise"),
    '/honours/': made(8500),
    '/honours/*': made(9100),
    '/leaderboard/': since(61899, 300, "更新日期 and 更正记录 of corrected tables"),
    '/leaderboard/*': before(8339),
    '/news/': before(8468),
    '/news/*': before(7960),
    '/news/page/*': before(8126),
    '/notices/*': before(10292),
    '/participate/': before(8876),
    '/quota/': before(59156),
    '/results/': since(8856, 900, "each year's 公示 and award procedure"),
    '/search/': before(10853),
    '/stories/': before(8300),
    '/stories/*': before(58599),
    '/workers/': before(8382),
    '/workers/*': before(8556),
  },
};

/** A page's template: its path, or below a section its route shape with "*" for the last segment. */
export function templateOf(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts.length > 1 ? `/${parts.slice(0, -1).join('/')}/*` : path;
}
