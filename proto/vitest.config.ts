import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'proto',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  },
});
