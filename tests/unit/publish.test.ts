import { describe, expect, it } from 'vitest';
import { isPublished } from '../../src/lib/publish.ts';

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
