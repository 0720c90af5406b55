import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Slow tests (*.slow.test.ts: hundreds of processes, concurrency and kills) run with
    // ARCHDOC_SLOW=1 (npm run test:slow, and .ci/run), so that npm test stays quick.
    exclude: process.env.ARCHDOC_SLOW ? ['**/node_modules/**'] : ['**/node_modules/**', '**/*.slow.test.ts'],
    // Template repositories, built once per run and copied by makeRepo (test/helpers.ts).
    globalSetup: ['test/global-setup.ts'],
    // Removes each test's temp folders (registered per file: see the file).
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Measured on 2 cores (npm test, NODE_EXTRA_CA_CERTS set as in CI): forks beat threads by a
    // few seconds; one worker more than the cores beats one per core, since a worker waits on each
    // git it runs; files sharing their worker's modules (no isolation) saves importing archdoc's
    // modules again for every file. The tests keep no module state of their own (temp folders are
    // removed by test/setup.ts) and replace no module, so nothing leaks from file to file.
    pool: 'forks',
    maxWorkers: os.availableParallelism() + 1,
    isolate: false,
  },
});
