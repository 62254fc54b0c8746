import { describe, expect, it } from 'vitest';
import { ResponseSerializationError, serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PublicDossier } from '../contract/dossiers.ts';
import { isPlain, serializerCompiler } from './serializer.ts';

const route = (schema: z.ZodType) => ({ schema, method: 'GET', url: '/x', httpStatus: '200' });
const ours = (schema: z.ZodType) => serializerCompiler(route(schema) as never) as (d: unknown) => string;
const theirs = (schema: z.ZodType) => zodSerializerCompiler(route(schema) as never) as (d: unknown) => string;

const lookup = {
  code: 'DEMO.07894.H25-260302-0001',
  externalCode: null,
  procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', version: 3 },
  status: 'submitted',
  statusLabel: 'Đã nộp',
  statusLabelEn: 'Submitted',
  statusGroup: 1,
  submittedAt: '2026-03-02T09:00:00+07:00',
  receivedAt: null,
  dueAt: null,
  extendedDueAt: null,
  finishedAt: null,
  returnedAt: null,
  clock: 'not_started',
  clockStoppedAt: null,
  timeliness: null,
  applicantName: 'N***** V** A*',
  applicantPhone: '0912345678',
};

describe('the response serializer', () => {
  it('answers exactly what the zod type provider answered: unlisted fields dropped', () => {
    expect(isPlain(PublicDossier)).toBe(true);
    const text = ours(PublicDossier)(lookup);
    expect(text).toBe(theirs(PublicDossier)(lookup));
    expect(text).not.toContain('0912345678');
    expect(text).not.toContain('version');
    const withEvents = { ...lookup, events: [{ seq: 1, action: 'submit', label: 'Nộp hồ sơ', labelEn: 'Submitted', toStatus: 'submitted', at: '2026-03-02T09:00:00+07:00', actor: 'x' }] };
    expect(ours(PublicDossier)(withEvents)).toBe(theirs(PublicDossier)(withEvents));
  });

  it('refuses an answer that does not match its schema, as before (a 500, never a wrong body)', () => {
    const bad = { ...lookup, status: 'nonsense' };
    expect(() => ours(PublicDossier)(bad)).toThrow(ResponseSerializationError);
    expect(() => theirs(PublicDossier)(bad)).toThrow(ResponseSerializationError);
  });

  it('leaves schemas with one-way steps to the zod type provider (encode)', () => {
    for (const schema of [
      z.object({ a: z.string().default('x') }),
      z.object({ a: z.string().transform((s) => s.length) }),
      z.object({ a: z.array(z.string().pipe(z.string())) }),
      z.object({ a: z.string().readonly() }),
      z.object({ a: z.lazy(() => z.string()) }),
    ]) {
      expect(isPlain(schema)).toBe(false);
    }
    const withDefault = z.object({ a: z.string().default('x'), b: z.number() });
    expect(ours(withDefault)({ a: 'y', b: 1, c: 2 })).toBe(theirs(withDefault)({ a: 'y', b: 1, c: 2 }));
    expect(isPlain(z.object({ a: z.union([z.string(), z.null()]), b: z.record(z.string(), z.number()).optional(), c: z.tuple([z.string()]) }))).toBe(true);
  });
});
