import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { DATABASE_REFUSED, registerErrorHandling } from './http-errors.ts';

// A value that gets past a route's schema but not past PostgreSQL is the client's mistake (400),
// never a 500 — and it is marked, so the fuzz test can point at the schema that needs a bound.
describe('database data exceptions at the edge', () => {
  const app = Fastify();
  registerErrorHandling(app);
  const pgError = (code: string) => Object.assign(new Error('value out of range'), { code, severity: 'ERROR' });
  app.get('/range', async () => {
    // drizzle wraps the driver's error: the SQLSTATE is on the cause.
    throw Object.assign(new Error('Failed query: select …'), { cause: pgError('22003') });
  });
  app.get('/index-row', async () => {
    throw pgError('54000');
  });
  app.get('/unique', async () => {
    throw pgError('23505');
  });

  it.each([
    ['/range', 400],
    ['/index-row', 400],
    ['/unique', 500],
  ])('%s answers %i', async (url, status) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    if (status === 400) expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [DATABASE_REFUSED] } });
    else expect(res.json().error.code).toBe('INTERNAL');
  });
});
