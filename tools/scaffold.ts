import { WORKER_CATEGORIES } from '../src/input/schema/frontmatter.ts';
import { ID_PATTERN } from '../src/input/schema/patterns.ts';
import { entryFileName, personSlug, slugify } from '../src/cms/pinyin.ts';

export { personSlug, slugify };

/**
 * New editors' files, named and filled in the way validation expects, so `npm run new` never
 * starts anyone off with a mistake. Pure: the script (tools/new.ts) does the asking and writing.
 */
export const KINDS = {
  news: { dir: 'news', title: '新闻', ext: '.md' },
  story: { dir: 'stories', title: '先进经验', ext: '.mdx' },
  worker: { dir: 'workers', title: '劳模', ext: '.md' },
} as const;
export type Kind = keyof typeof KINDS;

export interface ScaffoldInput {
  kind: Kind;
  /** The title (news, story) or the person's name (worker). */
  title: string;
  /** Today, or the day given, as YYYY-MM-DD. */
  date: string;
  /** The campaign year the item belongs to. */
  year: number;
  /** Address part; made from the title's pinyin when not given. */
  slug?: string;
  enterprise?: string;
  zone?: string;
  category?: string;
  role?: string;
  /** Create the item ready to publish instead of as a draft. */
  publish?: boolean;
}


export function fileName(input: ScaffoldInput): string {
  const { dir, ext } = KINDS[input.kind];
  const slug = input.slug ?? (input.kind === 'worker' ? personSlug(input.title) : slugify(input.title));
  if (!ID_PATTERN.test(slug)) throw new Error(`地址“${slug}”只能用小写英文字母、数字和连字符“-”`);
  const name = entryFileName(input.kind === 'worker' ? 'other' : input.kind, slug, input);
  return `content/${dir}/${name}${ext}`;
}

/** YAML for a one-line text: quoted when YAML would read it otherwise (a colon, a leading mark). */
export function yamlText(value: string): string {
  return /^[\w\u4e00-\u9fff（“《【]/.test(value) && !/: |#|^\s|\s$|["']/.test(value) ? value : JSON.stringify(value);
}

export function fileText(input: ScaffoldInput): string {
  const lines = ['---'];
  const draft = input.publish ? [] : ['# 草稿：写完、核对后删除下面这一行，网站才会发布本文', 'draft: true'];
  if (input.kind === 'news') {
    lines.push(
      `title: ${yamlText(input.title)}`,
      '# 发布日期：写将来的日期时，到那天才会出现在网站上',
      `date: ${input.date}`,
      `year: ${input.year}`,
      '# 摘要（可选，显示在新闻列表里）：',
      '# summary: 一两句话概括本文',
      ...(input.zone ? [`zone: ${input.zone}`] : ['# 赛区（可选，填 data/zones.csv 中的赛区编号）：', '# zone: qinyang']),
      ...draft,
    );
    lines.push(
      '---',
      '',
      '在这里写正文。段落之间空一行。',
      '',
      '<!-- 插图：把图片放进本文件旁边的 images/ 文件夹，在正文中写 ![图片说明](./images/文件名.jpg) -->',
      '',
    );
  } else if (input.kind === 'story') {
    lines.push(
      `title: ${yamlText(input.title)}`,
      `date: ${input.date}`,
      `year: ${input.year}`,
      `enterprise: ${input.enterprise}`,
      '# 摘要：请改写成一两句话，显示在列表和搜索结果里',
      `summary: ${yamlText(input.title)}`,
      '# 注意：本文件是 MDX，正文中不要用英文尖括号 < > 和花括号 { }，请改用中文或全角符号',
      ...draft,
    );
    lines.push('---', '', '在这里写正文。段落之间空一行。', '');
  } else {
    const category = input.category ?? WORKER_CATEGORIES[0];
    lines.push(
      `name: ${yamlText(input.title)}`,
      `enterprise: ${input.enterprise}`,
      `# 类别：${WORKER_CATEGORIES.join('、')} 之一`,
      `category: ${category}`,
      `role: ${yamlText(input.role ?? '')}`,
      '# 荣誉：每项一行，以两个空格和“- ”开头',
      'honours: []',
      '# 照片（可选）：放进 photos/ 文件夹，再去掉下面两行开头的 #',
      `# photo: ./photos/${fileName(input).split('/').pop()!.replace(/\.md$/, '')}.jpg`,
      `# photoAlt: ${input.title}的照片`,
      ...draft,
    );
    lines.push('---', '', `在这里介绍${input.title}的事迹。不要写手机号、身份证号、家庭住址等个人信息。`, '');
  }
  return lines.join('\n');
}
