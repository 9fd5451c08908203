import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'tools',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // These tests run real espeak-ng, sox, wasm libopus and sockets; on two cores shared with the
    // rest of the suite a cold first call (module load, wasm compile, synthesis) can exceed 5 s.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
