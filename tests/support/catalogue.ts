import type { Client } from './client.ts';

/**
 * The editable definition of a procedure as officials read it (`GET /procedures/:code/definition`):
 * the presentation flattens `onlineLevel` and adds `version`/`effectiveFrom`, which an admin's PUT
 * body must not carry.
 */
export async function procedureDefinition(client: Client, code: string): Promise<Record<string, unknown>> {
  const res = await client.get(`/api/v1/procedures/${code}/definition`);
  if (res.statusCode !== 200) throw new Error(`procedure ${code}: ${res.statusCode} ${res.body}`);
  const { version: _v, effectiveFrom: _e, onlineLevel, onlineLevelReason, ...rest } = res.json() as Record<string, unknown>;
  return { ...rest, onlineLevel: { level: onlineLevel ?? null, reason: onlineLevelReason ?? '' } };
}

/** The calendar of a year as the admin's PUT body: `{ daysOff, makeUpWorkingDays }`. */
export async function yearBody(client: Client, year: number) {
  const y = (await client.get(`/api/v1/calendar/${year}`)).json() as {
    daysOff: { date: string; name: string; nameEn?: string; kind: string }[];
    makeUpWorkingDays: { date: string; name: string; nameEn?: string }[];
  };
  return { daysOff: y.daysOff, makeUpWorkingDays: y.makeUpWorkingDays };
}
