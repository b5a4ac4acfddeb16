import type { PortalData } from './portal-data.ts';
import type { Problem } from './problems.ts';
import { CITY_GROUP, TABLES, type TableName } from './schema/tables.ts';
import { fieldLabel } from './table.ts';

const at = (table: TableName, line: number, field: string, message: string, hint?: string): Problem => ({
  file: `data/${TABLES[table].file}`,
  line,
  field: fieldLabel(TABLES[table], field),
  message,
  hint,
});

interface Rule {
  /** The tables the rule reads: it is skipped while any of them has problems of its own. */
  needs: TableName[];
  check(data: PortalData): Problem[];
}

const YEAR_TABLES = ['competitionItems', 'awardCategories', 'timeline', 'zones', 'participation'] as const;

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
      const names = new Map<string, number>();
      const problems: Problem[] = [];
      for (const e of data.enterprises) {
        if (e.zone !== CITY_GROUP && !zoneIds.has(e.zone)) {
          problems.push(at('enterprises', e.line, 'zone', `赛区编号“${e.zone}”不存在`, `请填写 ${TABLES.zones.file} 中的赛区编号，市直企业填 ${CITY_GROUP}`));
        }
        const first = names.get(e.name);
        if (first !== undefined) problems.push(at('enterprises', e.line, 'name', `企业名称与第 ${first} 行相同`, '同一企业只登记一次'));
        else names.set(e.name, e.line);
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
          problems.push(at('participation', p.line, 'enterprise', `该企业所属赛区“${e.zone}”在 ${p.year} 年没有参赛名额`));
        }
      }
      const counts = participantsByZone(data);
      for (const z of data.zones) {
        const n = counts.get(`${z.year}/${z.id}`) ?? 0;
        if (n > z.quota) {
          problems.push(at('zones', z.line, 'quota', `${z.year} 年${z.name}上报参赛企业 ${n} 家，超过名额 ${z.quota} 家`, `请核对 ${TABLES.participation.file}`));
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
];

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
export function checkRules(data: PortalData, broken: ReadonlySet<TableName> = new Set()): Problem[] {
  return RULES.filter((rule) => rule.needs.every((t) => !broken.has(t))).flatMap((rule) => rule.check(data));
}
