import { pinyin } from 'pinyin-pro';

/**
 * ASCII file names (which are page addresses) from Chinese titles and names, for `npm run new`
 * (tools/scaffold.ts) and for new entries in the CMS (file-name-field.ts): one rule for both.
 */

/**
 * An ASCII address from Chinese: the pinyin of the title, two syllables to a word (most Chinese
 * words have two), at most `words` words. "测试竞赛启动" → "ceshi-jingsai-qidong".
 */
export function slugify(text: string, words = 4): string {
  const out: string[] = [];
  let syllables: string[] = [];
  let latin = ''; // a run of ASCII letters and digits ("2024", "abc") is one word
  const flush = () => {
    for (let i = 0; i < syllables.length; i += 2) out.push(syllables.slice(i, i + 2).join(''));
    syllables = [];
    if (latin) out.push(latin);
    latin = '';
  };
  for (const char of pinyin(text, { toneType: 'none', type: 'all', v: true })) {
    if (char.isZh) {
      if (latin) flush();
      syllables.push(char.pinyin.toLowerCase().replace(/[^a-z]/g, ''));
    } else if (/^[a-z0-9]$/i.test(char.origin)) {
      if (syllables.length) flush();
      latin += char.origin.toLowerCase();
    } else {
      flush();
    }
  }
  flush();
  return out.filter(Boolean).slice(0, words).join('-');
}

/** A person's address: surname, then given name, "李秀兰" → "li-xiulan". */
export function personSlug(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  const [surname, ...given] = syllables.filter(Boolean);
  return [surname, given.join('')].filter(Boolean).join('-');
}

/**
 * A new entry's file name (without extension) from its address part: a news item's starts with its
 * date and a story's with its year, so the folder lists them in order; other entries are the
 * address alone. Without the date or year (not yet filled in) it is the address alone.
 */
export function entryFileName(kind: 'news' | 'story' | 'other', slug: string, { date, year }: { date?: string; year?: string | number }): string {
  if (!slug) return '';
  if (kind === 'news' && date) return `${date}-${slug}`;
  if (kind === 'story' && year) return `${year}-${slug}`;
  return slug;
}
