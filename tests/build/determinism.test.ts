import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDeterminism } from '../../tools/check-determinism.ts';

describe('the real campaign, built twice from the same commit', () => {
  it('is byte-identical: same files, same bytes (second build from another path, cold cache)', () => {
    const result = checkDeterminism('.', '2019-06-01');
    try {
      expect({ onlyA: result.onlyA, onlyB: result.onlyB, differ: result.differ }).toEqual({ onlyA: [], onlyB: [], differ: [] });
      expect(result.files).toBeGreaterThan(20);
    } finally {
      fs.rmSync(result.work, { recursive: true, force: true });
    }
  });
});
