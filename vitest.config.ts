import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['proto', 'hardware', 'firmware', 'gateway', 'cloud', 'tools'],
    reporters: ['default', './.ci/summary-reporter.ts'],
  },
});
