import { describe, expect, it } from 'vitest';
import { suggestedName } from '../../../src/cms/browser/file-name-field.ts';
import { photoName } from '../../../src/cms/browser/photo-field.ts';
import { fileName } from '../../../tools/scaffold.ts';

/** A new entry's file in the CMS is named as `npm run new` names it. */
describe('the file name of a new entry', () => {
  it('news: the date, then the title in pinyin', () => {
    const title = '全市节能减排劳动竞赛推进会召开';
    expect(suggestedName('news', { title, date: '2024-05-06' })).toBe('2024-05-06-quanshi-jieneng-jianpai-laodong');
    expect(`content/news/${suggestedName('news', { title, date: '2024-05-06' })}.md`).toBe(fileName({ kind: 'news', title, date: '2024-05-06', year: 2024 }));
  });

  it('stories: the year, then the title; workers: surname, then given name', () => {
    expect(suggestedName('stories', { title: '余热回收', year: 2024 })).toBe('2024-yure-huishou');
    expect(suggestedName('workers', { name: '李秀兰' })).toBe('li-xiulan');
  });

  it('nothing until there is a title', () => {
    expect(suggestedName('news', { date: '2024-05-06' })).toBe('');
  });
});

describe('a new photo’s file name', () => {
  it('is the worker’s name in pinyin, whatever the file was called', () => {
    expect(photoName('赵海峰', '赵海峰工作照.JPG')).toBe('zhao-haifeng.jpg');
    expect(photoName('', '车间照片.png')).toBe('chejian-zhaopian.png');
    expect(photoName('', '微信图片.jpeg')).toBe('weixin-tupian.jpeg');
  });
});
