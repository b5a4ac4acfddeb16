import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/lib/site-config.ts';

describe('site config', () => {
  it('shows no filing numbers when none are set', () => {
    expect(siteConfig({})).toEqual({});
    expect(siteConfig({ PORTAL_ICP: ' ', PORTAL_PUBLIC_SECURITY: '' })).toEqual({});
  });

  it('links the ICP number to the MIIT register and the public-security number to its record', () => {
    const config = siteConfig({ PORTAL_ICP: '豫ICP备12345678号-1', PORTAL_PUBLIC_SECURITY: '豫公网安备41080202000123号' });
    expect(config.icp).toEqual({ text: '豫ICP备12345678号-1', href: 'https://beian.miit.gov.cn/' });
    expect(config.publicSecurity?.text).toBe('豫公网安备41080202000123号');
    expect(config.publicSecurity?.href).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=41080202000123');
  });

  it('stops the build on a value that is no filing number', () => {
    expect(() => siteConfig({ PORTAL_ICP: '12345678' })).toThrow('PORTAL_ICP');
    expect(() => siteConfig({ PORTAL_PUBLIC_SECURITY: '豫公网安备' })).toThrow('PORTAL_PUBLIC_SECURITY');
  });
});
