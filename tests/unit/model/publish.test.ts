import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/astro/config.ts';
import { buildTime } from '../../../src/astro/config.ts';
import { beijingDate, isPublished } from '../../../src/model/publish.ts';

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

  // A wrong PORTAL_NOW is refused by config.ts (tests/unit/astro/config.test.ts).
  it('a pinned day (PORTAL_NOW) starts at midnight in Beijing', () => {
    const now = buildTime(parseConfig({ PORTAL_NOW: '2024-06-02' }));
    expect(now.toISOString()).toBe('2024-06-01T16:00:00.000Z');
    expect(beijingDate(now)).toBe('2024-06-02');
    expect(isPublished({ date: '2024-06-02' }, now)).toBe(true);
    expect(isPublished({ date: '2024-06-03' }, now)).toBe(false);
  });

  it('without a pinned day, now is the present', () => {
    const before = Date.now();
    const now = buildTime(parseConfig({})).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
