import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, contentCacheDir, parseConfig } from '../../../src/astro/config.ts';

/** The problems parseConfig reports for env, as [variable, message] pairs. */
function problems(env: Record<string, string | undefined>): [string, string][] {
  try {
    parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => [p.variable, p.message]);
  }
  throw new Error('no ConfigError');
}

describe('defaults', () => {
  it('builds the real campaign from the project folder, at the usual address, today, without filing numbers', () => {
    expect(parseConfig({})).toEqual({ contentRoot: process.cwd(), site: 'https://jzsbljj.example.org', siteGiven: false, demo: false });
  });

  it('tells a given address from the placeholder, even when they are the same (QR codes are drawn only for a given one)', () => {
    expect(parseConfig({ PORTAL_SITE: 'https://jzsbljj.example.org' })).toMatchObject({ site: 'https://jzsbljj.example.org', siteGiven: true });
    expect(parseConfig({ PORTAL_SITE: 'https://demo.example.org' })).toMatchObject({ site: 'https://demo.example.org', siteGiven: true });
  });

  it('takes blank values as unset', () => {
    const blank = { PORTAL_CONTENT: '', PORTAL_SITE: ' ', PORTAL_NOW: '', PORTAL_ICP: ' ', PORTAL_PUBLIC_SECURITY: '', PORTAL_DEMO: '' };
    expect(parseConfig(blank)).toEqual(parseConfig({}));
  });

  it('ignores other variables', () => {
    expect(parseConfig({ PATH: '/bin', PORTAL_OTHER: 'x' })).toEqual(parseConfig({}));
  });
});

describe('PORTAL_CONTENT', () => {
  it('is made absolute, from the project folder', () => {
    expect(parseConfig({ PORTAL_CONTENT: 'examples/demo' }).contentRoot).toBe(path.resolve('examples/demo'));
    expect(parseConfig({ PORTAL_CONTENT: path.resolve('examples/demo') }).contentRoot).toBe(path.resolve('examples/demo'));
  });

  it('must be an existing folder', () => {
    expect(problems({ PORTAL_CONTENT: 'examples/nothing' })).toEqual([
      ['PORTAL_CONTENT', 'PORTAL_CONTENT 应为内容目录（其中有 content/ 和 data/），文件夹“examples/nothing”不存在'],
    ]);
    expect(problems({ PORTAL_CONTENT: 'package.json' })[0]?.[0]).toBe('PORTAL_CONTENT');
  });

  it('gives another root its own content cache', () => {
    expect(contentCacheDir(process.cwd())).toBeUndefined();
    expect(contentCacheDir(path.resolve('examples/demo'))).toBe('./node_modules/.astro/roots/examples-demo');
  });
});

describe('PORTAL_SITE', () => {
  it('takes a web address as it is written', () => {
    expect(parseConfig({ PORTAL_SITE: 'https://sbljj.jiaozuo.gov.cn' }).site).toBe('https://sbljj.jiaozuo.gov.cn');
    expect(parseConfig({ PORTAL_SITE: 'http://localhost:4321/' }).site).toBe('http://localhost:4321/');
  });

  it('refuses anything else', () => {
    const message = (v: string) => `PORTAL_SITE 应为以 http:// 或 https:// 开头的网址，实际为“${v}”`;
    expect(problems({ PORTAL_SITE: 'jzsbljj.example.org' })).toEqual([['PORTAL_SITE', message('jzsbljj.example.org')]]);
    expect(problems({ PORTAL_SITE: 'ftp://jzsbljj.example.org' })).toEqual([['PORTAL_SITE', message('ftp://jzsbljj.example.org')]]);
  });
});

describe('PORTAL_NOW', () => {
  it('pins a Beijing date', () => {
    expect(parseConfig({ PORTAL_NOW: '2024-06-02' }).now).toBe('2024-06-02');
    expect(parseConfig({}).now).toBeUndefined();
  });

  it('refuses another way of writing it, and a day that does not exist', () => {
    expect(problems({ PORTAL_NOW: '2024/6/2' })).toEqual([['PORTAL_NOW', 'PORTAL_NOW 应写成“年-月-日”或“年-月-日T时:分”（北京时间），实际为“2024/6/2”']]);
    expect(problems({ PORTAL_NOW: '2024-02-30' })).toEqual([['PORTAL_NOW', 'PORTAL_NOW 写的这一天不存在：“2024-02-30”']]);
  });
});

describe('filing numbers (PORTAL_ICP, PORTAL_PUBLIC_SECURITY)', () => {
  it('links the ICP number to the MIIT register and the public-security number to its record', () => {
    const config = parseConfig({ PORTAL_ICP: ' 豫ICP备12345678号-1 ', PORTAL_PUBLIC_SECURITY: '豫公网安备41080202000123号' });
    expect(config.icp).toEqual({ text: '豫ICP备12345678号-1', href: 'https://beian.miit.gov.cn/' });
    expect(config.publicSecurity).toEqual({
      text: '豫公网安备41080202000123号',
      href: 'https://beian.mps.gov.cn/#/query/webSearch?code=41080202000123',
    });
  });

  it('refuses a value that is no filing number', () => {
    expect(problems({ PORTAL_ICP: '12345678' })).toEqual([
      ['PORTAL_ICP', 'PORTAL_ICP 应为 ICP 备案号，例如“豫ICP备12345678号-1”，实际为“12345678”'],
    ]);
    expect(problems({ PORTAL_PUBLIC_SECURITY: '豫公网安备' })).toEqual([
      ['PORTAL_PUBLIC_SECURITY', 'PORTAL_PUBLIC_SECURITY 应为公安机关备案号，例如“豫公网安备41080202000123号”，实际为“豫公网安备”'],
    ]);
  });
});

describe('PORTAL_DEMO', () => {
  it('is off unless set, whatever the content path', () => {
    expect(parseConfig({}).demo).toBe(false);
    expect(parseConfig({ PORTAL_CONTENT: 'examples/demo' }).demo).toBe(false);
  });

  it('takes 1, true, 0 and false', () => {
    expect(parseConfig({ PORTAL_DEMO: '1' }).demo).toBe(true);
    expect(parseConfig({ PORTAL_DEMO: 'true' }).demo).toBe(true);
    expect(parseConfig({ PORTAL_DEMO: '0' }).demo).toBe(false);
    expect(parseConfig({ PORTAL_DEMO: 'false' }).demo).toBe(false);
  });

  it('refuses anything else', () => {
    for (const v of ['yes', 'TRUE', '2', 'on']) {
      expect(problems({ PORTAL_DEMO: v })).toEqual([['PORTAL_DEMO', `PORTAL_DEMO 只能是 1、true、0 或 false，实际为“${v}”`]]);
    }
  });
});

describe('several wrong variables', () => {
  const env = { PORTAL_NOW: '2024/6/2', PORTAL_DEMO: 'yes', PORTAL_ICP: '12345678' };

  it('are all reported at once, in the order of the list, each with how to fix it', () => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      [
        '环境变量有 3 处设置不对：',
        '  1. PORTAL_NOW 应写成“年-月-日”或“年-月-日T时:分”（北京时间），实际为“2024/6/2”',
        '     改法：写北京时间的日期，例如 PORTAL_NOW=2024-06-02，或到小时，例如 PORTAL_NOW=2024-12-06T18:00；不设则按现在',
        '  2. PORTAL_ICP 应为 ICP 备案号，例如“豫ICP备12345678号-1”，实际为“12345678”',
        '     改法：照备案信息填写，例如 PORTAL_ICP=豫ICP备12345678号-1；没有备案号就不设，页脚不显示',
        '  3. PORTAL_DEMO 只能是 1、true、0 或 false，实际为“yes”',
        '     改法：示例站点写 PORTAL_DEMO=1，正式站点写 PORTAL_DEMO=0 或不设',
      ].join('\n'),
    );
  });

  it('carry no stack trace: the mistake is in the command, not in the code', () => {
    expect(() => parseConfig(env)).toThrow(expect.objectContaining({ stack: undefined }));
  });
});
