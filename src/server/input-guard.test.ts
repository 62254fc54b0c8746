import { describe, expect, it } from 'vitest';
import { isAppError } from '../domain/errors.ts';
import { assertJsonText, decodeUrlComponent, MAX_JSON_DEPTH, textProblem, urlProblem } from './input-guard.ts';

describe('textProblem', () => {
  it.each([
    ['Nguyễn Văn An', null],
    ['Nguye\u0302\u0303n (NFD)', null],
    ['😀 a surrogate pair', null],
    ['\ufffd U+FFFD typed on purpose', null],
    ['a\u0000b', 'nul'],
    ['\ud800', 'lone_surrogate'],
    ['x\udc00', 'lone_surrogate'],
    ['\udc00\ud800 (reversed pair)', 'lone_surrogate'],
  ])('%j → %s', (s, expected) => {
    expect(textProblem(s)).toBe(expected);
  });

  it('U+FFFD counts only where the parser already replaced bad bytes (multipart)', () => {
    expect(textProblem('t\ufffd.pdf', { replacementChar: true })).toBe('replacement_char');
  });
});

describe('decodeUrlComponent', () => {
  it.each([
    ['ho-so', { text: 'ho-so' }],
    ['h%E1%BB%99%20kinh%20doanh', { text: 'hộ kinh doanh' }],
    ['%F0%9F%98%80', { text: '😀' }],
    ['a%00b', { problem: 'nul' }],
    ['%C0%80', { problem: 'invalid_utf8' }], // overlong NUL
    ['%C3%28', { problem: 'invalid_utf8' }],
    ['%ED%A0%80', { problem: 'invalid_utf8' }], // CESU-8 surrogate
    ['%FF', { problem: 'invalid_utf8' }],
    ['%E1%BB', { problem: 'invalid_utf8' }], // truncated sequence
    ['100%', { problem: 'malformed_escape' }],
    ['%zz', { problem: 'malformed_escape' }],
    ['h\u00e1\u00bb\u0099', { text: 'hộ' }], // raw UTF-8 bytes as Node hands them over (latin1)
  ])('%j', (raw, expected) => {
    expect(decodeUrlComponent(raw)).toEqual(expected);
  });
});

describe('urlProblem', () => {
  it('names the route parameter and the query key', () => {
    expect(urlProblem('/api/v1/dossiers/AB%00?x=1', '/api/v1/dossiers/:code')).toEqual({ path: 'path.code', problem: 'nul' });
    expect(urlProblem('/api/v1/procedures?limit=5&q=%C3%28', '/api/v1/procedures')).toEqual({ path: 'query.q', problem: 'invalid_utf8' });
    expect(urlProblem('/api/v1/procedures?q%00=1')).toEqual({ path: 'query', problem: 'nul' });
    expect(urlProblem('/api/v1/procedures?q=h%E1%BB%99+kinh&onlineLevel=full')).toBeNull();
  });
});

describe('assertJsonText', () => {
  const failure = (v: unknown) => {
    try {
      assertJsonText(v);
    } catch (e) {
      if (isAppError(e)) return { code: e.code, path: (e.details!.issues as { path: string }[])[0]!.path };
      throw e;
    }
    return null;
  };

  it('checks keys and values at any depth, naming the path', () => {
    expect(failure({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual({ code: 'INPUT_ENCODING_INVALID', path: 'body.a.1.c' });
    expect(failure({ formData: { 'k\u0000': 1 } })).toEqual({ code: 'INPUT_ENCODING_INVALID', path: 'body.formData.k\\u0000' });
    expect(failure(['\ud83d'])).toEqual({ code: 'INPUT_ENCODING_INVALID', path: 'body.0' });
    expect(failure({ name: 'Lê Thị Thu', n: 1, ok: true, none: null })).toBeNull();
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels without recursing`, () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(failure(deep)).toMatchObject({ code: 'VALIDATION_FAILED' });
    let ok: unknown = 'x';
    for (let i = 0; i < MAX_JSON_DEPTH; i++) ok = { a: ok };
    expect(failure(ok)).toBeNull();
  });
});
