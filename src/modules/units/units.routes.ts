import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.ts';
import type { AppDeps } from '../../server/deps.ts';
import { UnitList } from '../../contract/units.ts';
import type { Computed, RowOf } from '../../db/rows.ts';

export function unitsRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/units', { schema: { tags: ['units'], summary: 'Cơ quan, đơn vị và phòng ban / units and departments', response: { 200: UnitList } } }, async () => {
    const units = await rows<RowOf<'units', { id: string; code: string; name: string }> & Computed<{ parent_code: string | null }>>(
      deps.database.db,
      sql`select u.id, u.code, u.name, p.code as parent_code from units u left join units p on p.id = u.parent_id order by u.code`,
    );
    const depts = await rows<RowOf<'departments', { id: string; unit_id: string; code: string; name: string }>>(
      deps.database.db,
      sql`select id, unit_id, code, name from departments order by code`,
    );
    return {
      items: units.map((u) => ({
        id: u.id,
        code: u.code,
        name: u.name,
        parentCode: u.parent_code,
        departments: depts.filter((d) => d.unit_id === u.id).map((d) => ({ id: d.id, code: d.code, name: d.name })),
      })),
    };
  });
}
