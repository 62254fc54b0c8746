/**
 * `npm run db:types`: migrates a fresh in-memory embedded database and writes the row types of
 * its schema to src/db/schema.generated.ts (see src/db/schema-types.ts). Run it after adding a
 * migration; the test suite fails until you do.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { schemaTypes } from '../src/db/schema-types.ts';

const database = await openPglite(null);
await migrate(database);
const target = fileURLToPath(new URL('../src/db/schema.generated.ts', import.meta.url));
writeFileSync(target, await schemaTypes(database.db));
await database.close();
console.log(`Wrote ${target}`);
