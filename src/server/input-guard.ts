import { isUtf8 } from 'node:buffer';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.ts';
import { errorBody } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** A JSON body's text as received (null for other bodies). */
    rawBody: string | null;
  }
}

/**
 * The input guard: text that PostgreSQL cannot store, or that no honest client sends, is refused
 * once, at the edge, before any route sees it — so no route can forget, and routes added later
 * are covered. What it refuses, with 400 INPUT_ENCODING_INVALID naming where:
 *   - NUL (U+0000): PostgreSQL text cannot hold it ("invalid byte sequence for encoding UTF8: 0x00");
 *   - lone UTF-16 surrogates (from JSON "\ud800" escapes): the driver would silently store U+FFFD;
 *   - bytes that are not UTF-8 (percent-encoded in the URL, raw in a JSON body, or in a header
 *     the app reads): they would be silently replaced by U+FFFD;
 *   - in multipart names and values, U+FFFD itself: the multipart parser has already replaced the
 *     bad bytes with it, so it is the only trace left of them;
 *   - malformed percent-encoding (`%ZZ`).
 * It also refuses JSON nested deeper than MAX_JSON_DEPTH (400 VALIDATION_FAILED): every later
 * step (validation, jsonb) recurses.
 */

export type EncodingProblem = 'nul' | 'lone_surrogate' | 'invalid_utf8' | 'replacement_char' | 'malformed_escape';

const PROBLEM_TEXT: Record<EncodingProblem, string> = {
  nul: 'Không được chứa ký tự NUL (U+0000) / must not contain the NUL character (U+0000)',
  lone_surrogate: 'Chứa nửa cặp thay thế UTF-16 đứng riêng / contains a lone UTF-16 surrogate',
  invalid_utf8: 'Chứa chuỗi byte không phải UTF-8 hợp lệ / contains bytes that are not valid UTF-8',
  replacement_char: 'Chứa ký tự U+FFFD do mã hóa sai (không phải UTF-8) / contains U+FFFD left by a broken (non-UTF-8) encoding',
  malformed_escape: 'Mã hóa phần trăm (%XX) sai / malformed percent-encoding (%XX)',
};

/** Deeper JSON is refused before validation: zod, JSON.stringify and jsonb all recurse. */
export const MAX_JSON_DEPTH = 32;

/** Headers the app reads as text; their latin1-decoded bytes must be UTF-8 too. */
const TEXT_HEADERS = ['idempotency-key', 'x-request-id', 'x-csrf-token'];

/** The error the edge answers with: one stable code, the place and the problem in VI / EN. */
export function encodingError(path: string, problem: EncodingProblem): AppError {
  return new AppError('INPUT_ENCODING_INVALID', { issues: [{ path, message: PROBLEM_TEXT[problem] }] });
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a decoded string, or null. */
export function textProblem(s: string, opts: { replacementChar?: boolean } = {}): EncodingProblem | null {
  if (s.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'lone_surrogate';
  if (opts.replacementChar && s.includes('\ufffd')) return 'replacement_char';
  return null;
}

const HEX = /^[0-9a-fA-F]{2}$/;

/**
 * Percent-decodes one URL component to bytes and checks them. Characters U+0080–U+00FF stand for
 * raw bytes (Node decodes the request line as latin1); anything above is already text.
 */
export function decodeUrlComponent(raw: string): { text: string } | { problem: EncodingProblem } {
  if (raw.includes('\u0000')) return { problem: 'nul' };
  if (!raw.includes('%') && /^[\x20-\x7e]*$/.test(raw)) return { text: raw };
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 0x25 /* % */) {
      const hex = raw.slice(i + 1, i + 3);
      if (!HEX.test(hex)) return { problem: 'malformed_escape' };
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else if (ch <= 0xff) {
      bytes.push(ch);
    } else {
      const cp = raw.codePointAt(i)!;
      const char = String.fromCodePoint(cp);
      if (textProblem(char)) return { problem: 'lone_surrogate' };
      bytes.push(...Buffer.from(char, 'utf8'));
      if (cp > 0xffff) i++;
    }
  }
  const buf = Buffer.from(bytes);
  if (!isUtf8(buf)) return { problem: 'invalid_utf8' };
  const text = buf.toString('utf8');
  const problem = textProblem(text);
  return problem ? { problem } : { text };
}

/** The first problem in a request URL, with where it is (`path.code`, `query.q`). */
export function urlProblem(url: string, routePattern?: string): { path: string; problem: EncodingProblem } | null {
  const q = url.indexOf('?');
  const pathPart = q === -1 ? url : url.slice(0, q);
  const segments = pathPart.split('/');
  const names = routePattern?.split('/') ?? [];
  for (let i = 0; i < segments.length; i++) {
    const r = decodeUrlComponent(segments[i]!);
    if ('problem' in r) {
      const name = names[i]?.startsWith(':') ? names[i]!.slice(1) : null;
      return { path: name ? `path.${name}` : 'path', problem: r.problem };
    }
  }
  if (q === -1) return null;
  for (const pair of url.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    const key = decodeUrlComponent((eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
    if ('problem' in key) return { path: 'query', problem: key.problem };
    if (eq === -1) continue;
    const value = decodeUrlComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    if ('problem' in value) return { path: `query.${key.text}`, problem: value.problem };
  }
  return null;
}

/** A key as it may be shown in an error path: escapes make a NUL visible. */
const showKey = (k: string) => JSON.stringify(k).slice(1, -1);

/**
 * Walks parsed JSON without recursion: every key and string value is checked, and the depth
 * is bounded. @throws AppError INPUT_ENCODING_INVALID or VALIDATION_FAILED (too deep)
 */
export function assertJsonText(value: unknown, root = 'body'): void {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) throw encodingError(path, problem);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path, message: `Dữ liệu JSON lồng quá ${MAX_JSON_DEPTH} cấp / JSON nested deeper than ${MAX_JSON_DEPTH} levels` }],
      });
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}.${i}`, depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i]!;
      const problem = textProblem(k);
      if (problem) throw encodingError(`${path}.${showKey(k)}`, problem);
      stack.push({ v: child, path: `${path}.${k}`, depth: depth + 1 });
    }
  }
}

// A NUL, a surrogate or a byte above 0x7f: what a header value needs checking for.
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const NOT_PLAIN = /[\u0000\u0080-\uffff]/;

function assertHeaders(req: FastifyRequest): void {
  for (const [name, raw] of Object.entries(req.headers)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      // Printable ASCII (nearly every header): nothing to check.
      if (typeof value !== 'string' || !NOT_PLAIN.test(value)) continue;
      const problem = textProblem(value);
      if (problem) throw encodingError(`header.${name}`, problem);
      // Node hands header bytes over as latin1: those above 0x7f must form UTF-8.
      if (TEXT_HEADERS.includes(name) && /[\u0080-\u00ff]/.test(value) && !isUtf8(Buffer.from(value, 'latin1'))) {
        throw encodingError(`header.${name}`, 'invalid_utf8');
      }
    }
  }
}

interface MultipartPartLike {
  fieldname: string;
  filename?: string;
  value?: unknown;
  file?: NodeJS.ReadableStream;
  fields?: Record<string, MultipartPartLike | MultipartPartLike[] | undefined>;
}

function assertPartText(part: MultipartPartLike): void {
  const opts = { replacementChar: true };
  const nameProblem = textProblem(part.fieldname, opts);
  if (nameProblem) throw encodingError('multipart', nameProblem);
  const base = `multipart.${part.fieldname}`;
  if (part.filename !== undefined) {
    const problem = textProblem(part.filename, opts);
    if (problem) throw encodingError(`${base}.filename`, problem);
  }
  if (typeof part.value === 'string') {
    const problem = textProblem(part.value, opts);
    if (problem) throw encodingError(base, problem);
  }
}

/** Checks a part and every part read before it; on failure the part's file stream is drained. */
function assertPart(part: MultipartPartLike): void {
  try {
    for (const entry of Object.values(part.fields ?? {})) {
      for (const p of Array.isArray(entry) ? entry : entry ? [entry] : []) assertPartText(p);
    }
    assertPartText(part);
  } catch (err) {
    part.file?.resume();
    throw err;
  }
}

type MultipartMethods = {
  file: (...a: unknown[]) => Promise<MultipartPartLike | undefined>;
  files: (...a: unknown[]) => AsyncIterableIterator<MultipartPartLike>;
  parts: (...a: unknown[]) => AsyncIterableIterator<MultipartPartLike>;
};

async function* guarded(parts: AsyncIterable<MultipartPartLike>): AsyncGenerator<MultipartPartLike> {
  for await (const part of parts) {
    assertPart(part);
    yield part;
  }
}

/** Multipart bodies are read lazily by the handler: the reading methods are wrapped per request. */
function guardMultipart(req: FastifyRequest): void {
  const r = req as unknown as MultipartMethods;
  const { file, files, parts } = r;
  r.file = async (...a) => {
    const part = await file.apply(req, a);
    if (part) assertPart(part);
    return part;
  };
  r.files = (...a) => guarded(files.apply(req, a));
  r.parts = (...a) => guarded(parts.apply(req, a));
}

/**
 * Registers the guard: a first onRequest hook (URL, headers, multipart) and a JSON parser that
 * checks the raw bytes, then every key and string. Register it before any other hook.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.decorateRequest('rawBody', null);
  app.addHook('onRequest', (req, _reply, done) => {
    const found = urlProblem(req.raw.url ?? '', req.routeOptions.url);
    if (found) return done(encodingError(found.path, found.problem));
    try {
      assertHeaders(req);
    } catch (err) {
      return done(err as FastifyError);
    }
    // isMultipart() is only known after content-type parsing; the wrappers read the parts later.
    if (/^multipart\//i.test(req.headers['content-type'] ?? '')) guardMultipart(req);
    done();
  });

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) return done(encodingError('body', 'invalid_utf8'), undefined);
    const text = bytes.toString('utf8');
    // Kept for the routes that check a signature of the body as sent (the machine API, docs/INTEROP.md).
    req.rawBody = text;
    parseJson(req, text, (err, value) => {
      if (err) return done(err, undefined);
      try {
        assertJsonText(value);
      } catch (e) {
        return done(e as FastifyError, undefined);
      }
      done(null, value);
    });
  });
}

/**
 * Fastify's own errors raised before any hook runs (the router cannot decode the path): answered
 * in the error contract. Pass as the `frameworkErrors` option of Fastify.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_BAD_URL') {
    const found = urlProblem(req.raw.url ?? '');
    const e = encodingError(found?.path ?? 'path', found?.problem ?? 'malformed_escape');
    void reply.code(400).header('x-request-id', req.id).send(errorBody('INPUT_ENCODING_INVALID', req.id, e.details));
    return;
  }
  void reply.code(400).header('x-request-id', req.id).send(errorBody('VALIDATION_FAILED', req.id, { issues: [{ path: '', message: err.message }] }));
}
