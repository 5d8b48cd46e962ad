import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (playwright-core, the system binary) against the real service
// serving the built site. e2e/global-setup.ts starts the service unless E2E_BASE_URL is set.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser at a time: the machines running this have two cores.
    fileParallelism: false,
  },
});
