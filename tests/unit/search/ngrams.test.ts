import { describe, expect, it } from 'vitest';
import { TITLE_SPAN, characterSet, decodePage, encodePage, encodeRuns } from '../../../src/search/shared/ngrams.ts';
import { exactQuery, parseQuery, scoringQuery, unknownSymbols } from '../../../src/search/shared/query.ts';
import { END, GAP, cleanText } from '../../../src/search/shared/text.ts';
import { comparable } from '../../../src/search/shared/fold.ts';
import { t2sTable } from '../../../src/search/build/t2s.ts';

/** Positions of a phrase of words in a word list, as Pagefind's quoted search finds them. */
function phrasePositions(words: string[], query: string): number[] {
  const phrase = query.slice(1, -1).split(' ');
  const lower = words.map((w) => w.toLowerCase());
  const out: number[] = [];
  for (let i = 0; i + phrase.length <= lower.length; i++) {
    if (phrase.every((p, j) => lower[i + j] === p)) out.push(i);
  }
  return out;
}

describe('text normalisation', () => {
  it('collapses white space and drops invisible characters, and leaves folding to fold.ts', () => {
    expect(cleanText('节能\u200b减排  \n （一）\u00a0Ａ')).toBe('节能减排 （一） Ａ');
    expect(comparable('JZGHSCB@126.com')).toBe('jzghscb@126.com');
    expect(comparable('节能\u200b减排  \n （一）\u00a0Ａ')).toBe('节能减排 (一) a');
  });
});

describe('n-gram encoding', () => {
  it('gives every character position one word: a bigram, or the last character of a run alone', () => {
    expect(encodeRuns('节能减排')).toEqual(['节能', '能减', '减排', '排']);
    expect(encodeRuns('焦作 2019年')).toEqual(['焦作', '作', GAP, '20', '01', '19', '9年', '年']);
    expect(encodeRuns('  a  ')).toEqual(['a']);
  });

  it('encodes the folded characters', () => {
    expect(encodeRuns('（８Ａ）')).toEqual(['(8', '8a', 'a)', ')']);
    expect(encodeRuns('節能', t2sTable())).toEqual(['节能', '能']);
  });

  it('lists each character of a text once, lower-cased', () => {
    expect(characterSet('节能节Aa')).toEqual(['节', '能', 'a']);
    expect(characterSet('节能', new Set(['节']))).toEqual(['能']);
  });

  it('puts the title in the first TITLE_SPAN positions and the text after them', () => {
    const { words } = encodePage('节能通知', '关于节能');
    expect(words.slice(0, 4)).toEqual(['节能', '能通', '通知', '知']);
    expect(words.indexOf(END)).toBe(4);
    expect(words[TITLE_SPAN]).toBe('关于');
    expect(words.length).toBeGreaterThan(TITLE_SPAN);
    expect(words.slice(4, TITLE_SPAN).every((w) => w === END || w === GAP || [...w].length === 1)).toBe(true);
  });

  it('reads back title and text from what Pagefind stores', () => {
    const { words } = encodePage('蒙牛乳业（焦作）有限公司', '所属赛区 市直\n参赛年度 2019年');
    const page = decodePage(words.join(' '));
    expect(page.title.originals.join('')).toBe('蒙牛乳业（焦作）有限公司');
    expect(page.title.chars.join('')).toBe('蒙牛乳业(焦作)有限公司');
    expect(page.text.originals.join('')).toBe('所属赛区 市直 参赛年度 2019年');
  });

  it('keeps a note of every original character the folded text does not read back as', () => {
    const title = '節能通知 ABC';
    const text = '焦工文〔2019〕27号：８０家，1,000 ①㈠ ﬁ "引" （一）Ｊz';
    const { words, originals } = encodePage(title, text, t2sTable());
    const page = decodePage(words.join(' '), originals);
    expect(page.title.originals.join('')).toBe(title);
    expect(page.text.originals.join('')).toBe(text);
    expect(page.text.chars.join('')).toBe('焦工文(2019)27号:80家,1,000 1(一) fi ＂引＂ (一)jz');
    // Full-width Chinese punctuation is what ASCII punctuation reads back as: no note for it.
    expect(encodePage('通知', '关于（一）：是，否；对！吗？').originals).toBe('');
  });

  it('lists the characters other than letters and digits, which Pagefind must keep', () => {
    expect([...encodePage('通知', '（一）a-b，c').symbols].sort()).toEqual(['-', '(', ')', ','].sort());
  });
});

describe('queries on the encoding find exactly the substrings', () => {
  const text = '开展节能减排劳动竞赛，节约能源 减少排放；比赛。Email: JZ@126.com';
  const { words } = encodePage('标题', text);
  const body = comparable(text);
  const cases = ['节能', '减排', '节能减排劳动', '节赛', '源减', '赛，节', 'jz@126', '126.com', '26.co', '能源减', 'email:', '比赛。e'];
  for (const q of cases) {
    it(`“${q}”`, () => {
      const term = parseQuery(q).terms[0] ?? [];
      const found = phrasePositions(words, exactQuery(term)).length > 0;
      expect(found).toBe(body.includes(comparable(q)));
    });
  }

  it('finds a single character through the character list', () => {
    expect(phrasePositions(words, exactQuery(['节']))).not.toHaveLength(0);
    expect(phrasePositions(words, exactQuery(['鑫']))).toHaveLength(0);
  });
});

describe('parseQuery', () => {
  it('splits on white space, lower-cases, and drops repeated terms', () => {
    const q = parseQuery('  节能　ABC 节能 ');
    expect(q.terms).toEqual([['节', '能'], ['a', 'b', 'c']]);
    expect(q.display).toEqual(['节能', 'ABC']);
  });

  it('turns a term into its quoted bigram phrase, or the quoted character', () => {
    expect(exactQuery(['节', '能', '减'])).toBe('"节能 能减"');
    expect(exactQuery(['节'])).toBe('"节"');
    expect(scoringQuery(['节', '能', '减'])).toBe('节能 能减');
  });

  it('limits the length of a term', () => {
    const q = parseQuery('节'.repeat(70));
    expect(q.terms[0]).toHaveLength(64);
    expect(q.truncated).toBe(true);
  });

  it('reports characters no page contains', () => {
    expect(unknownSymbols(['a', '@', '节', '★'], new Set(['@']))).toEqual(['★']);
  });
});

describe('encodePage on a very long page', () => {
  it('encodes a text longer than a call may take arguments (a directory of 20,000 entries)', () => {
    const text = '节能减排示范企业，'.repeat(40_000); // 360,000 characters
    const { words } = encodePage('参赛企业', text);
    expect(words.length).toBeGreaterThan(360_000);
  });
});
