// Generates the portal site the scale benchmark builds, with exactly `pages` HTML pages (its peers
// are in peers.ts, with the same text):
//
// - portal(root, pages): a fictional campaign in this project's content root layout (data/ CSV
//   and content/ Markdown/MDX): about half enterprise pages (with energy and emission tables),
//   two fifths news, a twentieth MDX stories with a <DataTable>, plus the news list pages and
//   the site's fixed pages. Every row satisfies the build's schemas and cross-file rules.
//
// Deterministic: the same size gives the same files. The folders go under .bench/ (ignored by git).
import fs from 'node:fs';
import path from 'node:path';
import { discard } from './discard.ts';

const PHRASES = [
  '车间职工围绕节能降耗开展合理化建议活动，',
  '通过余热回收改造，蒸汽消耗明显下降，',
  '班组把能耗指标分解到每一台设备、每一个岗位，',
  '技术攻关小组优化了窑炉燃烧控制，',
  '企业建立了能源计量和在线监测制度，',
  '污染物排放浓度稳定低于国家标准，',
  '工会组织开展了节能减排知识竞赛和技能比武，',
  '职工创新工作室完成了多项技术革新，',
];

function paragraph(seed: number, sentences = 5): string {
  let text = '';
  for (let i = 0; i < sentences; i++) text += PHRASES[(seed * 7 + i * 3) % PHRASES.length]!;
  return `${text.slice(0, -1)}。`;
}

export function body(seed: number, paragraphs = 4): string {
  return Array.from({ length: paragraphs }, (_, i) => paragraph(seed + i)).join('\n\n');
}

export const write = (file: string, text: string): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const csv = (header: string, rows: (string | number)[][]): string => `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
export const pad = (n: number): string => String(n).padStart(5, '0');
export const date = (i: number): string => {
  const d = new Date(Date.UTC(2023, 0, 1) + (i % 360) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/** The portal's pages by kind; they add up to the size asked for. */
export interface PortalPlan {
  fixed: number;
  stories: number;
  news: number;
  newsLists: number;
  enterprises: number;
}

/** How the portal's pages split for a given total. */
export function portalPlan(pages: number): PortalPlan {
  // Pages every build has: home, notice, quota, enterprises, participate, results, stories,
  // news (first list page), workers, archive, plus sitemap-free 404.
  const fixed = 11;
  const stories = Math.round(pages * 0.05);
  const news = Math.round(pages * 0.4);
  const newsLists = Math.max(0, Math.ceil(news / 10) - 1);
  const enterprises = pages - fixed - stories - news - newsLists;
  return { fixed, stories, news, newsLists, enterprises };
}

export function portal(root: string, pages: number): PortalPlan {
  const plan = portalPlan(pages);
  discard(root);
  const year = 2023;
  const zones = Array.from({ length: 10 }, (_, i) => ({ id: `zone-${i + 1}`, name: `示例第${i + 1}赛区`, kind: i < 8 ? 'county' : 'industry' }));
  const enterprises = Array.from({ length: plan.enterprises }, (_, i) => ({
    id: `e-${pad(i + 1)}`,
    name: `示例节能企业${pad(i + 1)}有限公司`,
    zone: i < 20 ? 'city' : zones[i % zones.length]!.id,
  }));
  const quota = (id: string): number => enterprises.filter((e) => e.zone === id).length;

  write(path.join(root, 'data/campaigns.csv'), csv('year,title,planned_enterprises,report_deadline,report_to,email,organisers,notice', [
    [year, '示例市重点企业“三比两降”节能减排劳动竞赛（基准测试）', enterprises.length, '2023-04', '示例市总工会生产保护部', 'bench@example.org', '示例市总工会、示例市发展和改革委员会、示例市生态环境局', 'bench-notice'],
  ]));
  write(path.join(root, 'data/competition-items.csv'), csv('year,order,id,name,summary', ([
    ['management', '比管理水平'], ['innovation', '比技术创新'], ['contribution', '比岗位建功'], ['energy', '降能耗'], ['emission', '降排放'],
  ] as const).map(([id, name], i) => [year, i + 1, id, name, `${name}的要点。（示例）`])));
  write(path.join(root, 'data/award-categories.csv'), csv('year,id,name,recipient_kind,cap,honour,nomination_cap', [
    [year, 'unit', '节能减排竞赛先进单位', 'enterprise', 20, '示例市五一劳动奖状', 5],
  ]));
  const winners = enterprises.slice(0, 20);
  write(path.join(root, 'data/awards.csv'), csv('year,category,recipient,publicity,withdrawn', winners.map((e) => [year, 'unit', e.id, `${year}-award`, ''])));
  write(path.join(root, 'data/nominations.csv'), csv('year,category,recipient,publicity,withdrawn', winners.slice(0, 5).map((e) => [year, 'unit', e.id, `${year}-nomination`, ''])));
  write(path.join(root, 'data/publicity.csv'), csv('id,year,stage,categories,start,end,office,person,phone,email,address,rules', ([
    ['award', '2023-12-04 09:00', '2023-12-08 18:00'],
    ['nomination', '2024-01-15 09:00', '2024-01-19 18:00'],
  ] as const).map(([stage, start, end]) => [`${year}-${stage}`, year, stage, 'unit', start, end, '示例市总工会生产保护部', '示例联系人', '0391-3568011', 'bench@example.org', '示例市示例路 1 号', '以单位名义反映的须加盖单位公章。'])));
  write(path.join(root, 'data/corrections.csv'), csv('date,table,year,enterprise,note', []));
  write(path.join(root, 'data/timeline.csv'), csv('year,order,when,date,event', [
    [year, 1, '年初', '', '各参赛企业制定竞赛活动实施方案'],
    [year, 2, '2023年4月底前', '2023-04-30', '报送竞赛方案和参赛企业名单'],
    [year, 3, '年底', '', '竞赛活动总结和绩效评估'],
  ]));
  write(path.join(root, 'data/zones.csv'), csv('year,id,name,kind,quota', zones.map((z) => [year, z.id, z.name, z.kind, quota(z.id)])));
  write(path.join(root, 'data/enterprises.csv'), csv('id,name,zone,sector', enterprises.map((e, i) => [e.id, e.name, e.zone, ['机械制造', '能源化工', '冶金建材', '城市建设'][i % 4]!])));
  write(path.join(root, 'data/teams.csv'), csv('id,name,enterprise', []));
  write(path.join(root, 'data/participation.csv'), csv('year,enterprise,plan,summary', enterprises.map((e) => [year, e.id, '', ''])));
  write(path.join(root, 'data/energy.csv'), csv('year,enterprise,indicator,unit,value,industry_average', enterprises.map((e, i) => [year, e.id, '吨产品综合能耗', 'kgce/t', (900 + (i % 50)).toFixed(1), 920])));
  write(path.join(root, 'data/emissions.csv'), csv('year,enterprise,pollutant,unit,value', enterprises.flatMap((e, i) => [
    [year, e.id, '二氧化硫', '吨', 40 + (i % 30)],
    [year, e.id, '氮氧化物', '吨', 30 + (i % 20)],
  ])));

  write(path.join(root, 'content/notices/bench-notice.md'), `---
year: ${year}
documentNumber: 示工文〔2023〕1号
issuers:
  - 示例市总工会
  - 示例市发展和改革委员会
  - 示例市生态环境局
title: 关于开展2023年度“三比两降”节能减排劳动竞赛的通知（基准测试）
addressees: 各县区总工会、发展和改革委员会、生态环境局，市各产业工会
attachments:
  - 示例市重点企业节能减排竞赛参赛企业名额分配表
reportDeadline: 2023年4月底前
contact:
  department: 示例市总工会生产保护部
  email: bench@example.org
---

本通知为基准测试生成的虚构文件。

## 一、竞赛内容

${body(1, 6)}
`);
  for (let i = 0; i < plan.news; i++) {
    write(path.join(root, `content/news/n-${pad(i + 1)}.md`), `---
title: 示例新闻第${i + 1}篇：节能减排竞赛动态（示例）
date: ${date(i)}
year: ${year}
summary: ${paragraph(i, 2)}
---

${body(i)}
`);
  }
  for (let i = 0; i < plan.stories; i++) {
    write(path.join(root, `content/stories/s-${pad(i + 1)}.mdx`), `---
title: 先进经验第${i + 1}篇：余热回收（示例）
date: ${date(i)}
year: ${year}
enterprise: ${enterprises[i % enterprises.length]!.id}
summary: ${paragraph(i, 2)}
---

${body(i, 3)}

<DataTable caption="改造前后对比" columns={['指标', '改造前', '改造后']} rows={[['蒸汽消耗（吨/月）', ${1200 + i}, ${900 + i}], ['综合能耗（kgce/t）', 950, 910]]} />

${paragraph(i + 3)}
`);
  }
  // Folders the build reads even when empty.
  fs.mkdirSync(path.join(root, 'content/workers'), { recursive: true });
  return plan;
}
