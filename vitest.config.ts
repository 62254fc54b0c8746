import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects: fast pure unit tests beside their code, integration tests through HTTP on
// the embedded database (or PostgreSQL when DATABASE_URL is set), browser journeys in Chromium.
// Passwords are hashed with scrypt N=2^10 in tests (N=2^15 in use): the suite signs in hundreds
// of times and the fuzz test hashes every malformed login (see src/modules/accounts/password.ts).
const testEnv = { PASSWORD_SCRYPT_LOG2N: '10' };

export default defineConfig({
  test: {
    // Every skipped test is listed at the end with its reason.
    reporters: ['default', './tests/support/skipped-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          env: testEnv,
          // Vitest's 5 s is too short for the few heavy unit tests (61 years of lunar days, pdftotext)
          // on a busy 2-core machine: a timeout is for a hung test.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // One migrated, seeded database per run; each test app starts from a copy of it.
          globalSetup: ['tests/support/seeded-database.ts'],
          environment: 'node',
          env: testEnv,
          // The files share their worker's modules: the application's modules and PGlite's
          // WebAssembly load once per worker instead of once per file (≈ 2 s a file on a busy
          // 2-core machine). Each file still starts its own app on its own database, and nothing
          // in src/ keeps state across apps but caches keyed by the database handle.
          isolate: false,
          // Two files at a time even on 2 cores (vitest's default leaves one core to its own
          // process, which here mostly waits): a file spends much of its time waiting on its
          // database, the PostgreSQL server, a child process or a timer, and on a machine shared
          // with other work two workers get a larger share of the processors than one.
          maxWorkers: Math.max(2, availableParallelism() - 1),
          // Its own group: run together (`vitest run`), the projects' worker counts may differ.
          sequence: { groupOrder: 1 },
          // Generous: a timeout is for a hung test, and a busy shared machine is several times slower.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/seeded-database.ts'],
          environment: 'node',
          env: testEnv,
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll waits for what a page shows after its answers arrive: 1 s (vitest's default)
          // is too short on a busy machine (a lazily loaded page and its API call under CI's load).
          expect: { poll: { timeout: 20_000, interval: 100 } },
          fileParallelism: false,
          // As the integration tests: modules and PGlite's WebAssembly load once, not once per file.
          isolate: false,
          // Its one worker is not the others' number of workers: run together (`vitest run`), the
          // projects need their own groups (vitest refuses one group of different worker counts).
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
