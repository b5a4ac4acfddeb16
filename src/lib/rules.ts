import type { PortalData } from './portal-data.ts';
import type { Problem } from './problems.ts';
import { CITY_GROUP, TABLES } from './schema/tables.ts';

const at = (table: keyof typeof TABLES, line: number, field: string, message: string, hint?: string): Problem => ({
  file: `data/${TABLES[table].file}`,
  line,
  field,
  message,
  hint,
});

/** Checks that need more than one table: references resolve and the quota figures reconcile. */
export function checkRules(data: PortalData): Problem[] {
  const problems: Problem[] = [];
  const years = new Set(data.campaigns.map((c) => c.year));
  const yearHint = `已有竞赛年度：${[...years].join('、') || '无'}；新年度请先在 ${TABLES.campaigns.file} 中登记`;

  for (const name of ['competitionItems', 'awardCategories', 'timeline', 'zones', 'participation'] as const) {
    for (const row of data[name]) {
      if (!years.has(row.year)) problems.push(at(name, row.line, 'year', `年度 ${row.year} 没有对应的竞赛`, yearHint));
    }
  }

  const zoneIds = new Set(data.zones.map((z) => z.id));
  const names = new Map<string, number>();
  for (const e of data.enterprises) {
    if (e.zone !== CITY_GROUP && !zoneIds.has(e.zone)) {
      problems.push(at('enterprises', e.line, 'zone', `赛区编号“${e.zone}”不存在`, `请填写 ${TABLES.zones.file} 中的赛区编号，市直企业填 ${CITY_GROUP}`));
    }
    const first = names.get(e.name);
    if (first !== undefined) problems.push(at('enterprises', e.line, 'name', `企业名称与第 ${first} 行相同`, '同一企业只登记一次'));
    else names.set(e.name, e.line);
  }

  const enterprises = new Map(data.enterprises.map((e) => [e.id, e]));
  const zonesByYear = new Map(data.zones.map((z) => [`${z.year}/${z.id}`, z]));
  const counted = new Map<string, number>();
  for (const p of data.participation) {
    const e = enterprises.get(p.enterprise);
    if (!e) {
      problems.push(at('participation', p.line, 'enterprise', `企业编号“${p.enterprise}”在 ${TABLES.enterprises.file} 中不存在`, '请先登记企业，再列入参赛名单'));
      continue;
    }
    if (e.zone !== CITY_GROUP && !zonesByYear.has(`${p.year}/${e.zone}`)) {
      problems.push(at('participation', p.line, 'enterprise', `该企业所属赛区“${e.zone}”在 ${p.year} 年没有参赛名额`));
      continue;
    }
    const key = `${p.year}/${e.zone}`;
    counted.set(key, (counted.get(key) ?? 0) + 1);
  }

  for (const z of data.zones) {
    const n = counted.get(`${z.year}/${z.id}`) ?? 0;
    if (n > z.quota) {
      problems.push(at('zones', z.line, 'quota', `${z.year} 年${z.name}上报参赛企业 ${n} 家，超过名额 ${z.quota} 家`, `请核对 ${TABLES.participation.file}`));
    }
  }

  for (const c of data.campaigns) {
    const quota = data.zones.filter((z) => z.year === c.year).reduce((sum, z) => sum + z.quota, 0);
    const city = counted.get(`${c.year}/${CITY_GROUP}`) ?? 0;
    if (quota + city !== c.planned_enterprises) {
      problems.push(
        at('campaigns', c.line, 'planned_enterprises', `各赛区名额 ${quota} 家加市直参赛企业 ${city} 家，合计 ${quota + city} 家，与确定的 ${c.planned_enterprises} 家不符`, '请核对赛区名额和市直企业名单'),
      );
    }
  }
  return problems;
}
