import { describe, expect, it } from 'vitest';
import { beijingDate, buildTime, isPublished } from '../../src/lib/publish.ts';

describe('isPublished', () => {
  const now = new Date('2024-06-01T08:00:00Z');
  it('keeps drafts out', () => {
    expect(isPublished({ draft: true, date: '2024-01-01' }, now)).toBe(false);
  });
  it('keeps items dated in the future out until their day', () => {
    expect(isPublished({ date: '2024-06-02' }, now)).toBe(false);
    expect(isPublished({ date: '2024-06-01' }, now)).toBe(true);
  });
  it('publishes undated items that are not drafts', () => {
    expect(isPublished({}, now)).toBe(true);
  });
});

describe('publish dates are Beijing dates', () => {
  it('publishes an item from midnight in Beijing, while it is still the day before in UTC', () => {
    const justAfterMidnightInBeijing = new Date('2024-06-01T16:30:00Z'); // 2024-06-02 00:30 in Beijing
    expect(isPublished({ date: '2024-06-02' }, justAfterMidnightInBeijing)).toBe(true);
    expect(isPublished({ date: '2024-06-03' }, justAfterMidnightInBeijing)).toBe(false);
  });

  it('keeps the item out until Beijing midnight', () => {
    expect(isPublished({ date: '2024-06-02' }, new Date('2024-06-01T15:59:00Z'))).toBe(false);
  });

  it('PORTAL_NOW pins the Beijing day', () => {
    const saved = process.env.PORTAL_NOW;
    try {
      process.env.PORTAL_NOW = '2024-06-02';
      expect(beijingDate(buildTime())).toBe('2024-06-02');
      expect(isPublished({ date: '2024-06-02' })).toBe(true);
      expect(isPublished({ date: '2024-06-03' })).toBe(false);
      process.env.PORTAL_NOW = '2024/6/2';
      expect(() => buildTime()).toThrow(/PORTAL_NOW/);
    } finally {
      if (saved === undefined) delete process.env.PORTAL_NOW;
      else process.env.PORTAL_NOW = saved;
    }
  });
});
