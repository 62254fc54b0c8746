import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { maybeOne, openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { loadConfig } from '../server/config.ts';
import { hashPassword } from '../modules/accounts/password.ts';
import { searchKey } from '../domain/text.ts';
import type { RowOf } from '../db/rows.ts';

/** Creates a unit admin in production (where no demo accounts are seeded). Run with the server stopped when on PGlite. */
export async function createAdmin(unitCode: string, username: string, fullName: string) {
  const password = process.env.NTS_ADMIN_PASSWORD;
  if (!unitCode || !username || !fullName || !password || password.length < 12) {
    console.error('usage: NTS_ADMIN_PASSWORD=<12+ chars> npm run cli -- create-admin <unitCode> <username> <full name>');
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database);
    const unit = await maybeOne<RowOf<'units', { id: string }>>(database.db, sql`select id from units where code = ${unitCode}`);
    if (!unit) throw new Error(`No unit ${unitCode}: start the server once with UNIT_CODE=${unitCode}`);
    await database.db.execute(sql`insert into users (id, kind, login, full_name, name_search, unit_id, roles, password_hash)
      values (${randomUUID()}, 'staff', ${username.toLowerCase()}, ${fullName}, ${searchKey(fullName)}, ${unit.id}, '{unit_admin}', ${await hashPassword(password)})`);
    console.log(`Created unit admin ${username} for ${unitCode}.`);
  } finally {
    await database.close();
  }
}
