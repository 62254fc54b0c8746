import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

// A letter with a Vietnamese diacritic (Latin-1 supplement … Latin Extended Additional): the
// Vietnamese message must really be Vietnamese, not the English one copied.
const VIETNAMESE_LETTER = /[\u00C0-\u1EF9]/;

export interface ErrorBody {
  code: string;
  message: string;
  messageEn: string;
  details?: Record<string, unknown>;
  requestId: string;
}

/**
 * Asserts an error answer of the contract (docs/API.md "Errors"): the HTTP status, a JSON body
 * `{ error: { code, message (Vietnamese), messageEn, details?, requestId } }` whose requestId is
 * the one in the `x-request-id` header. Returns `error` for further checks.
 */
export function expectError(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as { error: ErrorBody };
  const e = body.error;
  expect(e.code, res.body).toBe(code);
  expect(typeof e.message).toBe('string');
  expect(e.message).toMatch(VIETNAMESE_LETTER);
  expect(typeof e.messageEn).toBe('string');
  expect(e.messageEn.length).toBeGreaterThan(0);
  expect(e.messageEn).not.toBe(e.message);
  expect(typeof e.requestId).toBe('string');
  expect(e.requestId.length).toBeGreaterThan(0);
  expect(res.headers['x-request-id']).toBe(e.requestId);
  return e;
}
