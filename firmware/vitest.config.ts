import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'firmware',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  },
});
