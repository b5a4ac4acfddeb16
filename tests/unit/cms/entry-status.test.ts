import { describe, expect, it } from 'vitest';
import { entryStatus, withoutStatus, withStatus } from '../../../src/cms/entry-status.ts';
import { fromMarkdown, toMarkdown } from '../../../src/cms/frontmatter-format.ts';
import { STATUS_FIELD } from '../../../src/cms/names.ts';

// 2024-05-06 09:00 in Beijing is 01:00 UTC.
const now = new Date('2024-05-06T01:00:00Z');

describe('an entry’s status in the CMS’s lists (the build’s own gate)', () => {
  it('says 草稿, 定时发布 with the date, or 已发布', () => {
    expect(entryStatus({ draft: true, date: '2024-01-01' }, now)).toBe('草稿');
    expect(entryStatus({ draft: false, date: '2024-05-07' }, now)).toBe('定时发布（2024-05-07）');
    expect(entryStatus({ date: '2024-05-06' }, now)).toBe('已发布');
    // A worker has no date: published unless a draft.
    expect(entryStatus({ draft: false }, now)).toBe('已发布');
  });

  it('counts days in Beijing whatever the clock’s zone: 2024-05-06 is already today at 16:30 UTC on the 5th', () => {
    expect(entryStatus({ date: '2024-05-06' }, new Date('2024-05-05T16:30:00Z'))).toBe('已发布');
    expect(entryStatus({ date: '2024-05-06' }, new Date('2024-05-05T15:30:00Z'))).toBe('定时发布（2024-05-06）');
  });

  it('is shown in the list but never written into the file', () => {
    const file = '---\ntitle: 推进会\ndate: 2024-05-07\nyear: 2024\ndraft: false\n---\n\n正文。\n';
    const read = withStatus(fromMarkdown(file), now);
    expect(read[STATUS_FIELD]).toBe('定时发布（2024-05-07）');
    expect(toMarkdown(withoutStatus(read))).toBe(file);
  });
});
