import { describe, expect, it } from 'vitest';
import { STORAGE_KEY, announcement, readModes, writeModes } from '../../../src/browser/reading-modes.ts';

function memoryStore(initial?: string) {
  const data = new Map<string, string>(initial === undefined ? [] : [[STORAGE_KEY, initial]]);
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('reading modes', () => {
  it('start in the default look', () => {
    expect(readModes(memoryStore())).toEqual({ large: false, contrast: false });
    expect(readModes(undefined)).toEqual({ large: false, contrast: false });
  });

  it('are remembered', () => {
    const store = memoryStore();
    writeModes(store, { large: true, contrast: false });
    expect(readModes(store)).toEqual({ large: true, contrast: false });
  });

  it('treat anything unreadable as the default look', () => {
    expect(readModes(memoryStore('{not json'))).toEqual({ large: false, contrast: false });
    expect(readModes(memoryStore('"large"'))).toEqual({ large: false, contrast: false });
    expect(readModes(memoryStore('{"large":"yes","contrast":true}'))).toEqual({ large: false, contrast: true });
  });

  it('survive blocked storage', () => {
    const blocked = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(readModes(blocked)).toEqual({ large: false, contrast: false });
    expect(() => writeModes(blocked, { large: true, contrast: true })).not.toThrow();
  });

  it('are announced in Chinese', () => {
    expect(announcement('large', true)).toBe('已开启大字模式');
    expect(announcement('contrast', false)).toBe('已关闭高对比度模式');
  });
});
