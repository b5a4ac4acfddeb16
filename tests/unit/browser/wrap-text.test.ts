import { describe, expect, it } from 'vitest';
import { wrapText } from '../../../src/browser/wrap-text.ts';

// Every character one unit wide, as a fixed-width font: lines of at most `width` characters.
const measure = (s: string) => [...s].length;

describe('wrapText', () => {
  it('breaks Chinese between any two characters', () => {
    expect(wrapText('焦作市重点企业节能减排劳动竞赛', 6, measure)).toEqual(['焦作市重点企', '业节能减排劳', '动竞赛']);
  });

  it('never begins a line with a closing mark: the character before it moves down', () => {
    expect(wrapText('比管理水平，比技术创新。', 5, measure)).toEqual(['比管理水', '平，比技术', '创新。']);
  });

  it('never ends a line with an opening mark', () => {
    expect(wrapText('关于开展《三比两降竞赛', 5, measure)).toEqual(['关于开展', '《三比两降', '竞赛']);
  });

  it('keeps a number whole when it fits', () => {
    expect(wrapText('二〇一九年共有2019家企业', 8, measure)).toEqual(['二〇一九年共有', '2019家企业']);
  });

  it('ends the last allowed line in an ellipsis', () => {
    const lines = wrapText('一二三四五六七八九十一二三四五', 5, measure, 2);
    expect(lines).toEqual(['一二三四五', '六七八九…']);
  });

  it('breaks an address longer than a line, after its full stops where it can', () => {
    expect(wrapText('https://a.example.org/x/', 10, measure)).toEqual(['https://a.', 'example.', 'org/x/']);
    expect(wrapText('https://aexampleorg', 10, measure)).toEqual(['https://ae', 'xampleorg']);
  });
});
