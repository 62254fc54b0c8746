import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaTypes } from '../../src/db/schema-types.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

// The row types the code is checked against (src/db/schema.generated.ts, src/db/rows.check.ts)
// are the migrated schema's, on either database.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('generated row types', () => {
  it('src/db/schema.generated.ts is what the migrations make (else: npm run db:types)', async () => {
    const committed = readFileSync(new URL('../../src/db/schema.generated.ts', import.meta.url), 'utf8');
    const fromDatabase = await schemaTypes(t.database.db);
    expect(fromDatabase === committed, 'src/db/schema.generated.ts is out of date: run `npm run db:types` and commit it').toBe(true);
  });

  it('a CHECK list and a domain become unions; int8 is typed as either driver returns it', async () => {
    const text = await schemaTypes(t.database.db);
    expect(text).toContain("    channel: 'online' | 'in_person' | 'post';");
    expect(text).toMatch(/ {4}status: 'submitted' \| 'received' \| /);
    expect(text).toMatch(/audit_log: \{\n {4}id: number \| string;/);
  });
});
