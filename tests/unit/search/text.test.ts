import { describe, expect, it } from 'vitest';
import { STANDALONE, graphemes } from '../../../src/search/shared/text.ts';

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
const segments = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

/** Every character the fast path of graphemes() splits without the segmenter. */
function standalone(): string[] {
  const chars: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    const c = String.fromCharCode(code);
    if (STANDALONE.test(c)) chars.push(c);
  }
  return chars;
}

describe('graphemes', () => {
  it('splits the standalone characters exactly as the segmenter would, whatever their neighbours', () => {
    const chars = standalone();
    expect(chars.length).toBeGreaterThan(20_000);
    // A character that extended, joined or prefixed another (Unicode's grapheme rules) would make
    // one of these pairs a single cluster: before or after a letter, or twice in a row.
    const joined = chars.filter((c) => segments(`a${c}`).length !== 2 || segments(`${c}a`).length !== 2 || segments(c + c).length !== 2);
    expect(joined).toEqual([]);
    const all = chars.join('');
    expect(graphemes(all)).toEqual(segments(all));
  });

  it('leaves every other text to the segmenter', () => {
    for (const text of ['e\u0301', '👨‍👩‍👧', '🇨🇳', 'a\r\nb', 'か\u3099', '한국어', '节能\u200d减排']) {
      expect(STANDALONE.test(text)).toBe(false);
      expect(graphemes(text)).toEqual(segments(text));
    }
    expect(graphemes('节能减排（2019）ＡＢ')).toEqual([...'节能减排（2019）ＡＢ']);
  });
});
