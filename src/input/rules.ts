import type { PortalData } from './types.ts';
import type { Problem } from './problems.ts';
import type { ContentName } from './schema/frontmatter.ts';
import { CITY_GROUP, PUBLICITY_STAGES, RECIPIENT_KINDS, TABLES, type TableName } from './schema/tables.ts';
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

const YEAR_TABLES = ['competitionItems', 'awardCategories', 'timeline', 'zones', 'participation', 'publicity', 'awards', 'nominations', 'energy', 'emissions'] as const;

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
      return inCategories(data, 'awards', (a, category) => {
        const problems: Problem[] = [];
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
      const awarded = new Map(data.awards.map((a) => [`${a.year}/${a.category}/${a.recipient}`, a]));
      return inCategories(data, 'nominations', (n, category) => {
        const award = awarded.get(`${n.year}/${n.category}/${n.recipient}`);
        if (!award) {
          return [at('nominations', n.line, 'recipient', `违反推荐对象规则：“${n.recipient}”不是 ${n.year} 年“${category.name}”的获表彰对象，不能推荐申报${category.honour}`, `先在 ${TABLES.awards.file} 中列入`)];
        }
        if (award.withdrawn) {
          return [at('nominations', n.line, 'recipient', `违反推荐对象规则：“${n.recipient}”在 ${n.year} 年“${category.name}”公示后已被撤销（${award.withdrawn}），不能推荐申报${category.honour}`, `删除这一行，或核对 ${TABLES.awards.file} 第 ${award.line} 行的撤销原因`)];
        }
        return [];
      });
    },
  },
  {
    needs: ['campaigns', 'corrections'],
    check(data) {
      const years = new Set(data.campaigns.map((c) => c.year));
      return data.corrections
        .filter((c) => c.year !== undefined && !years.has(c.year))
        .map((c) => at('corrections', c.line, 'year', `年度 ${c.year} 没有对应的竞赛`, `填写 ${TABLES.campaigns.file} 中已有的年度，或留空`));
    },
  },
  {
    needs: ['enterprises', 'corrections'],
    check(data) {
      const ids = new Set(data.enterprises.map((e) => e.id));
      return data.corrections
        .filter((c) => c.enterprise !== undefined && !ids.has(c.enterprise))
        .map((c) => at('corrections', c.line, 'enterprise', `企业编号“${c.enterprise}”在 ${TABLES.enterprises.file} 中不存在`, `照抄 ${TABLES.enterprises.file} 中 id 列的企业编号，或留空`));
    },
  },
  {
    needs: ['publicity', 'awardCategories'],
    check(data) {
      const categories = new Set(data.awardCategories.map((c) => `${c.year}/${c.id}`));
      return data.publicity.flatMap((p) => [
        ...(p.end <= p.start
          ? [at('publicity', p.line, 'end', `违反公示期规则：截止时间 ${p.end} 不晚于开始时间 ${p.start}`, '截止时间应在开始时间之后（北京时间，到小时；公示一般不少于 5 个工作日）')]
          : []),
        ...p.categories
          .filter((c) => !categories.has(`${p.year}/${c}`))
          .map((c) => at('publicity', p.line, 'categories', `${p.year} 年没有编号为“${c}”的表彰项目`, `照抄 ${TABLES.awardCategories.file} 中该年度的编号，多个用顿号“、”分隔`)),
      ]);
    },
  },
  ...(['awards', 'nominations'] as const).map(
    (table): Rule => ({
      needs: ['publicity', 'awardCategories', table],
      check(data) {
        const stage = table === 'awards' ? 'award' : 'nomination';
        const publicity = new Map(data.publicity.map((p) => [p.id, p]));
        const hint = `填写 ${TABLES.publicity.file} 中阶段为 ${stage}（${PUBLICITY_STAGES[stage]}）、同一年度、包括这一表彰项目的公示编号`;
        const problems: Problem[] = [];
        for (const row of data[table]) {
          const p = publicity.get(row.publicity);
          const wrong = !p
            ? `公示编号“${row.publicity}”在 ${TABLES.publicity.file} 中不存在`
            : p.year !== row.year
              ? `公示“${p.id}”是 ${p.year} 年的，这一行是 ${row.year} 年`
              : p.stage !== stage
                ? `公示“${p.id}”是${PUBLICITY_STAGES[p.stage]}，这一行须列入${PUBLICITY_STAGES[stage]}`
                : !p.categories.includes(row.category)
                  ? `公示“${p.id}”不包括表彰项目“${row.category}”`
                  : undefined;
          if (wrong) problems.push(at(table, row.line, 'publicity', `违反公示规则：${wrong}`, hint));
        }
        return [...problems, ...capsAtEachStage(data, table)];
      },
    }),
  ),
  {
    needs: ['campaigns', 'publicity', 'decisions'],
    check(data) {
      const publicity = new Map(data.publicity.map((p) => [p.id, p]));
      const decidedBy = new Map<string, string>();
      const problems: Problem[] = [];
      for (const d of data.content.decisions) {
        for (const id of d.data.publicity) {
          const p = publicity.get(id);
          const hint = `填写 ${TABLES.publicity.file} 中本年度、阶段为 award 的公示编号`;
          if (!p) problems.push(inContent(d, 'publicity', `违反表彰决定规则：公示编号“${id}”在 ${TABLES.publicity.file} 中不存在`, hint));
          else if (p.year !== d.data.year || p.stage !== 'award') problems.push(inContent(d, 'publicity', `违反表彰决定规则：公示“${id}”不是 ${d.data.year} 年的${PUBLICITY_STAGES.award}`, hint));
          else if (`${d.data.date} 00:00` < p.end) {
            problems.push(inContent(d, 'date', `违反表彰决定规则：成文日期 ${d.data.date} 在公示“${id}”期满（${p.end}）之前`, '公示期满后才能作出表彰决定：成文日期应在公示截止时间之后（截止当天之后的日期）'));
          } else if (decidedBy.has(id)) {
            problems.push(inContent(d, 'publicity', `违反表彰决定规则：公示“${id}”已由 ${decidedBy.get(id)} 作出决定`, '一次公示只对应一份表彰决定；补充公示另行登记编号'));
          } else decidedBy.set(id, d.file);
        }
      }
      return problems;
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
    needs: ['campaigns', 'zones', 'news', 'stories', 'notices', 'decisions'],
    check(data) {
      const years = new Set(data.campaigns.map((c) => c.year));
      const zones = new Set(data.zones.map((z) => z.id));
      const problems: Problem[] = [];
      for (const entry of [...data.content.news, ...data.content.stories, ...data.content.notices, ...data.content.decisions]) {
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

/**
 * Caps hold at each stage: no 公示 lists more of a category than its cap, and what stands after
 * withdrawals (the decided list, or the nominations put forward) stays within the cap too, so a
 * supplementary 公示 after a withdrawal is counted with the first.
 */
function capsAtEachStage(data: PortalData, table: 'awards' | 'nominations'): Problem[] {
  const categories = new Map(data.awardCategories.map((c) => [`${c.year}/${c.id}`, c]));
  const inPublicity = new Map<string, number>();
  const standing = new Map<string, number>();
  const problems: Problem[] = [];
  const count = (counts: Map<string, number>, key: string) => {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n;
  };
  for (const row of data[table]) {
    const category = categories.get(`${row.year}/${row.category}`);
    if (!category) continue;
    const cap = table === 'awards' ? category.cap : category.nomination_cap;
    const what = table === 'awards' ? `最多评选 ${cap} 个` : `最多推荐 ${cap} 个申报${category.honour}`;
    const rule = table === 'awards' ? '违反评选名额规则' : '违反推荐名额规则';
    const listed = count(inPublicity, `${row.publicity}/${row.category}`);
    const hint = `删去多出的对象，或核对 ${TABLES.awardCategories.file} 中的名额`;
    if (listed > cap) problems.push(at(table, row.line, 'category', `${rule}（公示阶段）：公示“${row.publicity}”中“${category.name}”${what}，这是第 ${listed} 个`, hint));
    if (row.withdrawn) continue;
    const n = count(standing, `${row.year}/${row.category}`);
    if (n > cap) problems.push(at(table, row.line, 'category', `${rule}：${row.year} 年“${category.name}”${what}，这是第 ${n} 个`, `${hint}；公示后被撤销的对象在 withdrawn 列写明原因，不计入名额`));
  }
  return problems;
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
