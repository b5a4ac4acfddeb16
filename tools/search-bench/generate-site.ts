/**
 * Generates a large fictional content root for the search benchmark: the repository's data/ plus
 * generated notices (Markdown) and enterprises (CSV rows), so that `PORTAL_CONTENT=<root> astro build`
 * renders them through the real layouts. Every notice title contains 节能减排, as in the measurement
 * that motivated the search work. All names and text are invented from a fixed vocabulary and a
 * seeded random generator, so the same arguments always give the same site.
 *
 *   node tools/search-bench/generate-site.ts [outDir] [pages]
 */
import fs from 'node:fs';
import path from 'node:path';

export interface GeneratedSite {
  root: string;
  notices: number;
  enterprises: number;
}

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['东湖', '北山', '南岭', '西河', '青峰', '白云', '金田', '丰泽', '永安', '长宁', '和顺', '清溪', '石门', '龙泉', '凤鸣', '桃源'];
const BRANDS = ['恒远', '瑞丰', '宏达', '鑫源', '华晟', '润泽', '天成', '嘉禾', '中拓', '广利', '盛通', '安泰', '博润', '新桥', '立信', '汇川', '鼎新', '聚能'];
const TRADES = ['铝材', '化工', '水泥', '热电', '轮胎', '机械', '钢构', '陶瓷', '造纸', '食品', '纺织', '建材', '物流', '制药', '玻璃', '电缆'];
const FORMS = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司'];
const SECTORS = ['机械制造', '能源化工', '冶金建材', '旅游交通', '城市建设'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['建', '国', '志', '明', '秀', '英', '卫', '东', '海', '玉', '春', '林', '兰', '伟', '红', '军', '平', '丽', '强', '静', '磊', '洋', '勇', '艳'];
const SUBJECTS = ['公司', '车间', '班组', '工段', '职工', '技术人员', '工会', '分厂', '项目部', '创新工作室'];
const VERBS = ['开展', '推进', '落实', '完善', '组织', '加强', '实施', '改造', '优化', '总结', '推广', '深化'];
const OBJECTS = [
  '节能降耗工作', '污染减排措施', '能耗定额管理', '余热回收项目', '设备技术改造', '合理化建议活动', '岗位练兵',
  '技术攻关', '能源计量体系', '清洁生产审核', '循环水系统', '变频调速改造', '照明节能改造', '粉尘治理工程',
  '废水回用工程', '锅炉燃烧优化', '电机能效提升', '班组节能竞赛', '绿色工厂创建', '职工技能培训',
];
const RESULTS = [
  '单位产品综合能耗下降', '年节约标准煤', '减少二氧化硫排放', '降低氮氧化物排放', '节约用水', '减少固体废物',
  '提高余热利用率', '降低吨产品电耗', '减少颗粒物排放', '节约天然气',
];
const UNITS = ['吨', '万千瓦时', '立方米', '个百分点', '吨标准煤'];
const CONNECT = ['同时', '此外', '与此同时', '在此基础上', '通过这些措施', '经过一年努力'];

export function generateSite(outDir: string, pages = 2000, seed = 20190427): GeneratedSite {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const person = () => pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '');

  const repo = path.resolve(import.meta.dirname, '../..');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'content/notices'), { recursive: true });
  fs.cpSync(path.join(repo, 'data'), path.join(outDir, 'data'), { recursive: true });
  fs.cpSync(path.join(repo, 'content/notices'), path.join(outDir, 'content/notices'), { recursive: true });

  const zones = fs
    .readFileSync(path.join(outDir, 'data/zones.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[1] as string);
  const names = new Set(
    fs.readFileSync(path.join(outDir, 'data/enterprises.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1]),
  );

  const enterpriseCount = Math.floor(pages * 0.4);
  const noticeCount = pages - enterpriseCount;
  const companies: string[] = [];
  const rows: string[] = [];
  while (companies.length < enterpriseCount) {
    const name = pick(PLACES) + pick(BRANDS) + pick(TRADES) + pick(FORMS);
    if (names.has(name)) continue;
    names.add(name);
    companies.push(name);
    const zone = random() < 0.2 ? 'city' : pick(zones);
    rows.push(`gen-e${String(companies.length).padStart(4, '0')},${name},${zone},${pick(SECTORS)}`);
  }
  fs.appendFileSync(path.join(outDir, 'data/enterprises.csv'), `${rows.join('\n')}\n`);

  const sentence = () => {
    const company = pick(companies);
    switch (int(0, 4)) {
      case 0:
        return `${company}${pick(SUBJECTS)}${pick(VERBS)}${pick(OBJECTS)}，${pick(RESULTS)}${int(2, 980)}${pick(UNITS)}。`;
      case 1:
        return `${pick(CONNECT)}，${pick(SUBJECTS)}${pick(VERBS)}${pick(OBJECTS)}和${pick(OBJECTS)}。`;
      case 2:
        return `${person()}同志带领${pick(SUBJECTS)}${pick(VERBS)}${pick(OBJECTS)}，被评为节能减排标兵。`;
      case 3:
        return `${int(2015, 2019)}年${int(1, 12)}月，${pick(PLACES)}赛区${pick(VERBS)}${pick(OBJECTS)}现场会，${int(3, 60)}家企业参加。`;
      default:
        return `各单位要${pick(VERBS)}${pick(OBJECTS)}，${pick(VERBS)}${pick(OBJECTS)}，确保${pick(RESULTS)}。`;
    }
  };

  for (let i = 1; i <= noticeCount; i++) {
    const sections = int(2, 4);
    const body: string[] = [];
    for (let s = 0; s < sections; s++) {
      body.push(`## ${'一二三四'[s]}、${pick(VERBS)}${pick(OBJECTS)}`);
      for (let p = int(1, 3); p > 0; p--) body.push(Array.from({ length: int(2, 5) }, sentence).join(''));
    }
    const subject = pick(PLACES) + pick(OBJECTS);
    const md = [
      '---',
      'year: 2019',
      `documentNumber: 示例文〔2019〕${i + 100}号`,
      'issuers:',
      `  - ${pick(PLACES)}市总工会`,
      `title: 关于${subject}节能减排工作的通知`,
      `addressees: 各赛区工会、各参赛企业`,
      '---',
      '',
      body.join('\n\n'),
      '',
    ].join('\n');
    fs.writeFileSync(path.join(outDir, 'content/notices', `gen-n${String(i).padStart(4, '0')}.md`), md);
  }
  return { root: outDir, notices: noticeCount, enterprises: enterpriseCount };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.resolve(process.argv[2] ?? '.bench/site-2000');
  const pages = Number(process.argv[3] ?? 2000);
  const site = generateSite(out, pages);
  console.log(`生成：${site.root}（通知 ${site.notices} 篇，企业 ${site.enterprises} 家）`);
}
