import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 300_000,
          // One Chromium with SwiftShader already uses both cores.
          fileParallelism: false,
          globalSetup: ['tests/browser/globalSetup.ts'],
        },
      },
    ],
  },
});
