import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'hardware',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  },
});
