/**
 * The HTTP contract of units and departments (GET /units): what the back office lists to transfer
 * a dossier to or file it with. Pure: no I/O.
 */
import { z } from 'zod';
import { Ref } from './session.ts';

export const Unit = z.object({ id: z.string(), code: z.string(), name: z.string(), parentCode: z.string().nullable(), departments: z.array(Ref) });
export const UnitList = z.object({ items: z.array(Unit) });

export type Unit = z.infer<typeof Unit>;
export type UnitList = z.infer<typeof UnitList>;
