import { beforeEach } from 'vitest';
import { embeddedChecks } from './seeded-database.ts';

export const EMBEDDED_CHECKS = embeddedChecks();

const REASON = 'EMBEDDED_CHECKS=0: the embedded database only, whatever DATABASE_URL is; the embedded run makes this check';

/** Skips each test of the enclosing suite (or file) when EMBEDDED_CHECKS is off, saying why. */
export function embeddedChecksOnly() {
  beforeEach((ctx) => {
    if (!EMBEDDED_CHECKS) ctx.skip(REASON);
  });
}
