import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    globalSetup: ['tests/support/scratch-dir.ts'],
    testTimeout: 180_000,
    // Build tests build a site in beforeAll: as long as a test may take, on a busy machine too.
    hookTimeout: 180_000,
  },
});
