import type { PortalData } from './types.ts';
import type { Problem } from './problems.ts';
import type { ContentName } from './schema/frontmatter.ts';
import { CITY_GROUP, RECIPIENT_KINDS, TABLES, type TableName } from './schema/tables.ts';
import { fieldLabel, fields } from './table.ts';
import { recipientResolver } from './recipients.ts';
import { isAbsoluteUrl } from './schema/patterns.ts';
import { nameKey } from './invisible.ts';

const at = (table: TableName, line: number, field: string, message: string, hint?: string): Problem => ({
  file: `data/${TABLES[table].file}`,
  line,
  field: fieldLabel(TABLES[table], field),
  message,
  hint: hint ?? checkAgainst(table, field),
});

/** The fix for a rule without a hint of its own: what the column must hold, from its schema. */
function checkAgainst(table: TableName, field: string): string {
  const f = fields(TABLES[table]).find((x) => x.name === field);
  return `核对这一行的${f?.title ?? field}${f?.description ? `（${f.description}）` : ''}，与相关表格和文件中的登记保持一致`;
}

type Source = TableName | ContentName;

export interface RuleContext {
  /** Whether a document named in a table exists under the content root's files/ folder. */
  fileExists(relativePath: string): boolean;
}

interface Rule {
  /** The tables and collections the rule reads: it is skipped while any of them has problems of its own. */
  needs: Source[];
  check(data: PortalData, context: RuleContext): Problem[];
}

const YEAR_TABLES = ['competitionItems', 'awardCategories', 'timeline', 'zones', 'participation', 'awards', 'nominations', 'energy', 'emissions'] as const;

const inContent = (entry: { file: string; lines: Readonly<Record<string, number>> }, field: string, message: string, hint: string): Problem => ({
  file: entry.file,
  line: entry.lines[field],
  field,
  message,
  hint,
});

/** Where each kind of recipient is listed, for the message when one is not found. */
const RECIPIENT_LISTS = { enterprise: TABLES.enterprises.file, team: TABLES.teams.file, worker: 'content/workers/（草稿不算）' } as const;

/** Who a recipient id names; a profile kept as a draft cannot be named in public results. */
function recipientsOf(data: PortalData) {
  const workers = data.content.workers.filter((w) => !w.data.draft).map((w) => ({ id: w.id, name: w.data.name, enterprise: w.data.enterprise }));
  return recipientResolver(data, workers);
}

const RULES: Rule[] = [
  ...YEAR_TABLES.map(
    (name): Rule => ({
      needs: ['campaigns', name],
      check(data) {
        const years = new Set(data.campaigns.map((c) => c.year));
        const hint = `已有竞赛年度：${[...years].join('、') || '无'}；新年度请先在 ${TABLES.campaigns.file} 中登记`;
        return data[name]
          .filter((row) => !years.has(row.year))
          .map((row) => at(name, row.line, 'year', `年度 ${row.year} 没有对应的竞赛`, hint));
      },
    }),
  ),
  {
    needs: ['zones', 'enterprises'],
    check(data) {
      const zoneIds = new Set(data.zones.map((z) => z.id));
      const names = new Map<string, { line: number; name: string }>();
      const problems: Problem[] = [];
      for (const e of data.enterprises) {
        if (e.zone !== CITY_GROUP && !zoneIds.has(e.zone)) {
          problems.push(at('enterprises', e.line, 'zone', `赛区编号“${e.zone}”不存在`, `请填写 ${TABLES.zones.file} 中的赛区编号，市直企业填 ${CITY_GROUP}`));
        }
        // Names that look the same are the same name (全角 and 半角, spaces, invisible characters).
        const key = nameKey(e.name);
        const first = names.get(key);
        if (first === undefined) names.set(key, { line: e.line, name: e.name });
        else if (first.name === e.name) problems.push(at('enterprises', e.line, 'name', `企业名称与第 ${first.line} 行相同`, '同一企业只登记一次：删除这一行，其他表格中用第一行的企业编号'));
        else {
          problems.push(
            at('enterprises', e.line, 'name', `企业名称与第 ${first.line} 行的“${first.name}”看起来相同（只差全角半角字符或空格）`, '同一企业只登记一次：删除这一行，其他表格中用第一行的企业编号；若确是两家企业，请写出它们名称的真正区别'),
          );
        }
      }
      return problems;
    },
  },
  {
    needs: ['zones', 'enterprises', 'participation'],
    check(data) {
      const problems: Problem[] = [];
      const enterprises = new Map(data.enterprises.map((e) => [e.id, e]));
      const zoneYears = new Set(data.zones.map((z) => `${z.year}/${z.id}`));
      for (const p of data.participation) {
        const e = enterprises.get(p.enterprise);
        if (!e) {
          problems.push(at('participation', p.line, 'enterprise', `企业编号“${p.enterprise}”在 ${TABLES.enterprises.file} 中不存在`, '请先登记企业，再列入参赛名单'));
        } else if (e.zone !== CITY_GROUP && !zoneYears.has(`${p.year}/${e.zone}`)) {
          problems.push(at('participation', p.line, 'enterprise', `该企业所属赛区“${e.zone}”在 ${p.year} 年没有参赛名额`, `在 ${TABLES.zones.file} 中为该赛区登记 ${p.year} 年的名额，或核对企业的所属赛区`));
        }
      }
      const counts = participantsByZone(data);
      for (const z of data.zones) {
        const n = counts.get(`${z.year}/${z.id}`) ?? 0;
        if (n > z.quota) {
          problems.push(at('zones', z.line, 'quota', `${z.year} 年${z.name}上报参赛企业 ${n} 家，超过名额 ${z.quota} 家`, `从 ${TABLES.participation.file} 中删去多出的企业，或（经主办单位同意后）调整名额`));
        }
      }
      return problems;
    },
  },
  {
    needs: ['campaigns', 'zones', 'enterprises', 'participation'],
    check(data) {
      const counts = participantsByZone(data);
      return data.campaigns.flatMap((c) => {
        const quota = data.zones.filter((z) => z.year === c.year).reduce((sum, z) => sum + z.quota, 0);
        const city = counts.get(`${c.year}/${CITY_GROUP}`) ?? 0;
        if (quota + city === c.planned_enterprises) return [];
        return [
          at('campaigns', c.line, 'planned_enterprises', `各赛区名额 ${quota} 家加市直参赛企业 ${city} 家，合计 ${quota + city} 家，与确定的 ${c.planned_enterprises} 家不符`, '请核对赛区名额和市直企业名单'),
        ];
      });
    },
  },
  {
    needs: ['enterprises', 'teams'],
    check: (data) => {
      const ids = new Set(data.enterprises.map((e) => e.id));
      return data.teams
        .filter((t) => !ids.has(t.enterprise))
        .map((t) => at('teams', t.line, 'enterprise', `企业编号“${t.enterprise}”不存在`, `照抄 ${TABLES.enterprises.file} 中的企业编号`));
    },
  },
  {
    needs: ['participation'],
    check: (data, context) =>
      data.participation.flatMap((p) =>
        (['plan', 'summary'] as const)
          .filter((field) => {
            const value = p[field];
            return value !== undefined && !isAbsoluteUrl(value) && !context.fileExists(`files/${value}`);
          })
          .map((field) => at('participation', p.line, field, `文件“files/${p[field]}”不存在`, '请把文件放进 files/ 文件夹，或填写网址')),
      ),
  },
  ...(['energy', 'emissions'] as const).map(
    (name): Rule => ({
      needs: ['participation', name],
      check(data) {
        const took = new Set(data.participation.map((p) => `${p.year}/${p.enterprise}`));
        return data[name]
          .filter((row) => !took.has(`${row.year}/${row.enterprise}`))
          .map((row) => at(name, row.line, 'enterprise', `企业“${row.enterprise}”不在 ${row.year} 年的参赛企业名单中`, `请先在 ${TABLES.participation.file} 中列入`));
      },
    }),
  ),
  {
    needs: ['awardCategories', 'awards', 'enterprises', 'teams', 'participation', 'workers'],
    check(data) {
      const took = new Set(data.participation.map((p) => `${p.year}/${p.enterprise}`));
      const resolve = recipientsOf(data);
      return inCategories(data, 'awards', (a, category, n) => {
        const problems: Problem[] = [];
        if (n > category.cap) {
          problems.push(at('awards', a.line, 'category', `违反评选名额规则：${a.year} 年“${category.name}”最多评选 ${category.cap} 个，这是第 ${n} 个`));
        }
        const enterprise = resolve(category.recipient_kind, a.recipient)?.enterpriseId;
        if (enterprise === undefined) {
          problems.push(
            at('awards', a.line, 'recipient', `违反对象存在规则：“${category.name}”的表彰对象应为${RECIPIENT_KINDS[category.recipient_kind]}，但“${a.recipient}”在 ${RECIPIENT_LISTS[category.recipient_kind]} 中不存在`),
          );
        } else if (!took.has(`${a.year}/${enterprise}`)) {
          problems.push(at('awards', a.line, 'recipient', `违反参赛规则：“${a.recipient}”所在企业“${enterprise}”不在 ${a.year} 年的参赛企业名单中`));
        }
        return problems;
      });
    },
  },
  {
    needs: ['awardCategories', 'awards', 'nominations'],
    check(data) {
      const awarded = new Set(data.awards.map((a) => `${a.year}/${a.category}/${a.recipient}`));
      return inCategories(data, 'nominations', (n, category, count) => {
        const problems: Problem[] = [];
        if (count > category.nomination_cap) {
          problems.push(at('nominations', n.line, 'category', `违反推荐名额规则：${n.year} 年“${category.name}”最多推荐 ${category.nomination_cap} 个申报${category.honour}，这是第 ${count} 个`));
        }
        if (!awarded.has(`${n.year}/${n.category}/${n.recipient}`)) {
          problems.push(
            at('nominations', n.line, 'recipient', `违反推荐对象规则：“${n.recipient}”不是 ${n.year} 年“${category.name}”的获表彰对象，不能推荐申报${category.honour}`, `先在 ${TABLES.awards.file} 中列入`),
          );
        }
        return problems;
      });
    },
  },
  {
    needs: ['enterprises', 'stories', 'workers'],
    check(data) {
      const ids = new Set(data.enterprises.map((e) => e.id));
      return [...data.content.stories, ...data.content.workers]
        .filter((entry) => !ids.has(entry.data.enterprise))
        .map((entry) => inContent(entry, 'enterprise', `企业编号“${entry.data.enterprise}”在 ${TABLES.enterprises.file} 中不存在`, `照抄 ${TABLES.enterprises.file} 中 id 列的企业编号`));
    },
  },
  {
    needs: ['campaigns', 'zones', 'news', 'stories', 'notices'],
    check(data) {
      const years = new Set(data.campaigns.map((c) => c.year));
      const zones = new Set(data.zones.map((z) => z.id));
      const problems: Problem[] = [];
      for (const entry of [...data.content.news, ...data.content.stories, ...data.content.notices]) {
        if (!years.has(entry.data.year)) problems.push(inContent(entry, 'year', `年度 ${entry.data.year} 没有对应的竞赛`, `填写 ${TABLES.campaigns.file} 中已有的年度（${[...years].join('、')}）`));
      }
      for (const entry of data.content.news) {
        if (entry.data.zone && !zones.has(entry.data.zone)) problems.push(inContent(entry, 'zone', `赛区编号“${entry.data.zone}”不存在`, `照抄 ${TABLES.zones.file} 中 id 列的赛区编号`));
      }
      for (const c of data.campaigns) {
        if (!data.content.notices.some((n) => n.id === c.notice)) {
          problems.push(at('campaigns', c.line, 'notice', `content/notices/ 中没有名为“${c.notice}.md”的通知`, '把通知文件放进 content/notices/，或改正这里的文件名（不含 .md）'));
        }
      }
      return problems;
    },
  },
];

/**
 * Visits award or nomination rows with their category and their ordinal within it (1 for the first
 * recipient of that year's category, and so on); a row naming no category of its year is a problem.
 */
function inCategories<T extends 'awards' | 'nominations'>(
  data: PortalData,
  table: T,
  visit: (row: PortalData[T][number], category: PortalData['awardCategories'][number], ordinal: number) => Problem[],
): Problem[] {
  const categories = new Map(data.awardCategories.map((c) => [`${c.year}/${c.id}`, c]));
  const counted = new Map<string, number>();
  return data[table].flatMap((row) => {
    const key = `${row.year}/${row.category}`;
    const category = categories.get(key);
    if (!category) return [at(table, row.line, 'category', `${row.year} 年没有编号为“${row.category}”的表彰项目`, `见 ${TABLES.awardCategories.file}`)];
    const ordinal = (counted.get(key) ?? 0) + 1;
    counted.set(key, ordinal);
    return visit(row, category, ordinal);
  });
}

/** Participants per "year/zone" (the city-level group counted under its own id). */
function participantsByZone(data: PortalData): Map<string, number> {
  const zoneOf = new Map(data.enterprises.map((e) => [e.id, e.zone]));
  const counts = new Map<string, number>();
  for (const p of data.participation) {
    const zone = zoneOf.get(p.enterprise);
    if (zone === undefined) continue;
    const key = `${p.year}/${zone}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Checks that need more than one table: references resolve and the quota figures reconcile.
 * A rule is skipped while a table it reads has problems of its own, so one broken file does not
 * bury its own message under a cascade of follow-on errors.
 */
export function checkRules(data: PortalData, context: RuleContext, broken: ReadonlySet<Source> = new Set()): Problem[] {
  return RULES.filter((rule) => rule.needs.every((t) => !broken.has(t))).flatMap((rule) => rule.check(data, context));
}
