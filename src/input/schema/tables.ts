import { z } from 'zod';
import { date, decimal, email, hour, id, integer, link, list, month, oneOf, phone, text, year } from './cells.ts';

/**
 * The editors' CSV tables under data/: one schema each, the single source of truth for what a
 * column may hold. A column not declared here is refused, so nothing undeclared (a phone number,
 * an ID-card number) can slip into the site.
 */
export interface TableDef<S extends z.ZodObject = z.ZodObject> {
  /** File name under data/. */
  file: string;
  /** Chinese name of the table. */
  title: string;
  schema: S;
  /** Columns whose values together must be unique. */
  key: readonly (keyof z.infer<S> & string)[];
  /**
   * Columns that must name a row of another table (the key of the TABLES entry): checked by the
   * rules in rules.ts, published as foreign keys in the open data's datapackage.json.
   */
  references?: readonly { fields: readonly (keyof z.infer<S> & string)[]; table: string; to: readonly string[] }[];
}

/** Every table that belongs to a campaign year names a year that data/campaigns.csv has. */
const inCampaign = { fields: ['year'], table: 'campaigns', to: ['year'] } as const;
const participant = { fields: ['year', 'enterprise'], table: 'participation', to: ['year', 'enterprise'] } as const;

function table<S extends z.ZodObject>(def: TableDef<S>): TableDef<S> {
  return def;
}

/** The group of city-level (市直) enterprises: not a zone, but where an enterprise's zone may point. */
export const CITY_GROUP = 'city';

export const ZONE_KINDS = { county: '县市区', industry: '产业工会' } as const;
export const RECIPIENT_KINDS = { enterprise: '企业（单位）', team: '班组、车间、工段', worker: '个人' } as const;

export const campaigns = table({
  file: 'campaigns.csv',
  title: '竞赛年度',
  key: ['year'],
  schema: z.strictObject({
    year: year(),
    title: text({ title: '竞赛名称' }),
    planned_enterprises: integer({ title: '确定参赛企业总数', min: 1, description: '通知确定的重点企业家数' }),
    report_deadline: month({ title: '报送截止月份', description: '竞赛方案和参赛企业名单的报送期限（该月底前）' }),
    report_to: text({ title: '报送单位' }),
    email: email({ title: '报送邮箱' }),
    organisers: list({ title: '主办单位', description: '多个单位用顿号“、”分隔' }),
    notice: id({ title: '竞赛通知编号', description: 'content/notices/ 下通知文件名（不含扩展名）' }),
  }),
});

export const competitionItems = table({
  file: 'competition-items.csv',
  title: '竞赛内容',
  key: ['year', 'id'],
  references: [inCampaign],
  schema: z.strictObject({
    year: year(),
    order: integer({ title: '序号', min: 1 }),
    id: id({ title: '编号' }),
    name: text({ title: '名称' }),
    summary: text({ title: '要点', description: '摘自通知原文' }),
  }),
});

export const awardCategories = table({
  file: 'award-categories.csv',
  title: '评比表彰项目',
  key: ['year', 'id'],
  references: [inCampaign],
  schema: z.strictObject({
    year: year(),
    id: id({ title: '编号' }),
    name: text({ title: '表彰名称' }),
    recipient_kind: oneOf(['enterprise', 'team', 'worker'], { title: '表彰对象类型', labels: RECIPIENT_KINDS }),
    cap: integer({ title: '评选名额', min: 1 }),
    honour: text({ title: '推荐申报的荣誉' }),
    nomination_cap: integer({ title: '推荐申报名额', min: 0 }),
  }),
});

export const timeline = table({
  file: 'timeline.csv',
  title: '工作时间安排',
  key: ['year', 'order'],
  references: [inCampaign],
  schema: z.strictObject({
    year: year(),
    order: integer({ title: '序号', min: 1 }),
    when: text({ title: '时间', description: '照通知原文填写，如“年初”“2019年4月底前”' }),
    date: date({ title: '日期', description: '可选，该事项的截止日期；网站据此按当天标注“已截止”“进行中”“即将开始”。不填日期的，只有“年初”“年底”“年内”在该年度之前或之后标注' }).optional(),
    event: text({ title: '事项' }),
  }),
});

export const zones = table({
  file: 'zones.csv',
  title: '赛区及参赛名额',
  key: ['year', 'id'],
  references: [inCampaign],
  schema: z.strictObject({
    year: year(),
    id: id({ title: '赛区编号' }),
    name: text({ title: '赛区名称' }),
    kind: oneOf(['county', 'industry'], { title: '赛区类别', labels: ZONE_KINDS }),
    quota: integer({ title: '参赛名额', min: 0 }),
  }),
});

export const enterprises = table({
  file: 'enterprises.csv',
  title: '企业',
  key: ['id'],
  schema: z.strictObject({
    id: id({ title: '企业编号' }),
    name: text({ title: '企业名称' }),
    zone: id({ title: '所属赛区', description: `赛区编号；市直企业填 ${CITY_GROUP}` }),
    sector: text({ title: '行业' }).optional(),
  }),
});

export const participation = table({
  file: 'participation.csv',
  title: '参赛企业名单',
  key: ['year', 'enterprise'],
  references: [inCampaign, { fields: ['enterprise'], table: 'enterprises', to: ['id'] }],
  schema: z.strictObject({
    year: year(),
    enterprise: id({ title: '企业编号' }),
    plan: link({ title: '竞赛活动实施方案', description: '年初制定；网址，或 files/ 下的文件名' }).optional(),
    summary: link({ title: '竞赛活动总结和绩效评估', description: '年底报送；网址，或 files/ 下的文件名' }).optional(),
  }),
});

export const teams = table({
  file: 'teams.csv',
  title: '班组、车间、工段',
  key: ['id'],
  references: [{ fields: ['enterprise'], table: 'enterprises', to: ['id'] }],
  schema: z.strictObject({
    id: id({ title: '集体编号' }),
    name: text({ title: '集体名称', description: '如“电解二车间”' }),
    enterprise: id({ title: '所属企业编号' }),
  }),
});

/** The two stages a union puts up for public notice: its own commendation, then the city honours. */
export const PUBLICITY_STAGES = { award: '评选表彰对象公示', nomination: '推荐申报市级荣誉对象公示' } as const;

export const publicity = table({
  file: 'publicity.csv',
  title: '公示',
  key: ['id'],
  references: [inCampaign],
  schema: z.strictObject({
    id: id({ title: '公示编号', description: '自定，如 2024-award；awards.csv、nominations.csv 和表彰决定用它指明经过哪一次公示', example: '2024-award' }),
    year: year(),
    stage: oneOf(['award', 'nomination'], { title: '公示阶段', labels: PUBLICITY_STAGES }),
    categories: list({ title: '公示的表彰项目', description: 'award-categories.csv 中的编号，多个用顿号“、”分隔，如 unit、team、individual' }),
    start: hour({ title: '公示开始时间', description: '北京时间，到小时；此前网站不显示这次公示的任何内容' }),
    end: hour({ title: '公示截止时间', description: '北京时间，到小时，如 2024-12-06 18:00；须晚于开始时间' }),
    office: text({ title: '受理异议单位', description: '如 市总工会劳动和经济工作部' }),
    person: text({ title: '联系人' }),
    phone: phone({ title: '联系电话', description: '办公座机或公共服务号码，不得填写手机号码' }),
    email: email({ title: '电子邮箱' }),
    address: text({ title: '通信地址', description: '信函寄送地址和邮编' }),
    rules: text({ title: '异议须知', description: '如：以个人名义反映的须署真实姓名，以单位名义反映的须加盖公章' }),
  }),
});

export const awards = table({
  file: 'awards.csv',
  title: '评选结果',
  key: ['year', 'category', 'recipient'],
  references: [inCampaign, { fields: ['year', 'category'], table: 'awardCategories', to: ['year', 'id'] }, { fields: ['publicity'], table: 'publicity', to: ['id'] }],
  schema: z.strictObject({
    year: year(),
    category: id({ title: '表彰项目编号', description: '见 award-categories.csv' }),
    recipient: id({ title: '获表彰对象编号', description: '企业、集体（teams.csv）或个人（content/workers/ 文件名）的编号' }),
    publicity: id({ title: '公示编号', description: '列入的那次公示（publicity.csv 中阶段为 award 的编号）；未经公示的不能表彰' }),
    withdrawn: text({ title: '撤销原因', description: '公示期间收到异议、经核实不予表彰的，写明原因；其余留空' }).optional(),
  }),
});

export const nominations = table({
  file: 'nominations.csv',
  title: '推荐申报市级荣誉',
  key: ['year', 'category', 'recipient'],
  references: [
    inCampaign,
    { fields: ['year', 'category', 'recipient'], table: 'awards', to: ['year', 'category', 'recipient'] },
    { fields: ['publicity'], table: 'publicity', to: ['id'] },
  ],
  schema: z.strictObject({
    year: year(),
    category: id({ title: '表彰项目编号' }),
    recipient: id({ title: '被推荐对象编号', description: '须是同一年度、同一表彰项目的获表彰对象（未被撤销）' }),
    publicity: id({ title: '公示编号', description: '列入的那次推荐公示（publicity.csv 中阶段为 nomination 的编号）' }),
    withdrawn: text({ title: '撤销原因', description: '公示期间收到异议、经核实不予推荐的，写明原因；其余留空' }).optional(),
  }),
});

export const energy = table({
  file: 'energy.csv',
  title: '能耗指标',
  key: ['year', 'enterprise', 'indicator'],
  references: [inCampaign, participant],
  schema: z.strictObject({
    year: year(),
    enterprise: id({ title: '企业编号' }),
    indicator: text({ title: '指标', description: '主要产品单耗或综合能耗，如“吨铝综合交流电耗”' }),
    unit: text({ title: '单位', description: '如 kWh/t、kgce/t' }),
    value: decimal({ title: '本企业数值' }),
    industry_average: decimal({ title: '全市同行业平均水平' }),
  }),
});

export const emissions = table({
  file: 'emissions.csv',
  title: '污染物排放',
  key: ['year', 'enterprise', 'pollutant'],
  references: [inCampaign, participant],
  schema: z.strictObject({
    year: year(),
    enterprise: id({ title: '企业编号' }),
    pollutant: text({ title: '污染物', description: '如 二氧化硫、氮氧化物、颗粒物' }),
    unit: text({ title: '单位', description: '如 吨' }),
    value: decimal({ title: '年排放量' }),
  }),
});

export const corrections = table({
  file: 'corrections.csv',
  title: '数据更正记录',
  key: ['date', 'table', 'note'],
  schema: z.strictObject({
    date: date({ title: '更正日期' }),
    table: oneOf(
      ['campaigns.csv', 'competition-items.csv', 'award-categories.csv', 'timeline.csv', 'zones.csv', 'enterprises.csv', 'participation.csv', 'teams.csv', 'publicity.csv', 'awards.csv', 'nominations.csv', 'energy.csv', 'emissions.csv'],
      { title: '更正的数据表', description: 'data/ 下的文件名，如 awards.csv' },
    ),
    year: year({ title: '年度', description: '可选：更正的是哪一年度的数据' }).optional(),
    enterprise: id({ title: '企业编号', description: '可选：更正的是哪家企业的数据（enterprises.csv 中的编号）；填写后该企业的页面也显示这条更正' }).optional(),
    note: text({ title: '更正说明', description: '改了什么，如“先进单位名单中‘青岚铝业’更正为‘青岚铝业有限公司’”' }),
  }),
});

export const TABLES = {
  campaigns,
  competitionItems,
  awardCategories,
  timeline,
  zones,
  enterprises,
  participation,
  teams,
  publicity,
  awards,
  nominations,
  energy,
  emissions,
  corrections,
};
export type TableName = keyof typeof TABLES;
export type Row<T extends TableName> = z.infer<(typeof TABLES)[T]['schema']>;
