import fc from 'fast-check';

/**
 * Building blocks of the OpenAPI fuzz test (tests/integration/openapi-fuzz.test.ts): valid
 * sample values from the JSON Schemas the server publishes, the places a value can be put, and a
 * fixed table of malformed values. Everything is deterministic: fast-check runs with a fixed seed.
 */

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export const FUZZ_SEED = 20_260_302;

/**
 * Realistic values for well-known field names, so that a request gets past the domain's own
 * checks (a valid CCCD, phone, procedure code) and the malformed value in another field reaches
 * as deep as it can. Unknown names fall back to values drawn from the schema.
 */
export const HINTS: Record<string, unknown> = {
  cccd: '025196003344',
  mst: '0100109106',
  phone: '0934567890',
  procedureCode: '1.001193',
  unitCode: 'DEMO.07894.H25',
  birthYear: 1996,
  password: 'MatKhau@2026',
  fullName: 'Trịnh Thị Mai',
  businessName: 'Hộ kinh doanh Thử nghiệm',
  email: 'mai.trinh@example.vn',
};

const sampleCache = new Map<string, string>();

/** A string matching `pattern`, the same on every run. */
function matching(pattern: string): string {
  let s = sampleCache.get(pattern);
  if (s === undefined) {
    [s] = fc.sample(fc.stringMatching(new RegExp(pattern)), { seed: FUZZ_SEED, numRuns: 1 });
    sampleCache.set(pattern, s!);
  }
  return s!;
}

const nonNullType = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** The branches of a oneOf / anyOf (null branches last), or the schema itself. */
export function branches(s: JsonSchema): JsonSchema[] {
  const list = s.oneOf ?? s.anyOf;
  if (!list) return [s];
  return [...list].sort((a, b) => Number(a.type === 'null') - Number(b.type === 'null'));
}

/** A valid value for `schema`; with `full`, optional object properties are filled too. */
export function sample(schema: JsonSchema, opts: { full: boolean; name?: string }): unknown {
  if (opts.name && opts.name in HINTS) return HINTS[opts.name];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf || schema.anyOf) return sample(branches(schema)[0]!, opts);
  if (schema.allOf) return sample(Object.assign({}, ...schema.allOf) as JsonSchema, opts);
  switch (nonNullType(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(schema.properties ?? {})) {
        if (opts.full || schema.required?.includes(k)) out[k] = sample(child, { full: opts.full, name: k });
      }
      return out;
    }
    case 'array': {
      const n = Math.max(schema.minItems ?? 0, opts.full ? 1 : 0);
      return Array.from({ length: n }, () => sample(schema.items ?? {}, { full: opts.full }));
    }
    case 'integer':
    case 'number': {
      let v = 1;
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : undefined);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : undefined);
      if (min !== undefined && v < min) v = min;
      if (max !== undefined && v > max) v = max;
      return v;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      return sampleString(schema);
    default:
      return 'Nông Trang';
  }
}

function sampleString(s: JsonSchema): string {
  switch (s.format) {
    case 'uuid':
      return '3f1c2b7a-9d4e-4c1b-8a2f-6e5d4c3b2a19';
    case 'date':
      return '2026-03-02';
    case 'date-time':
      return '2026-03-02T09:00:00+07:00';
    case 'email':
      return 'an.nguyen@example.vn';
    case 'uri':
      return 'https://example.vn/';
  }
  if (s.pattern) return matching(s.pattern);
  const base = 'Nông Trang';
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 200;
  return base.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, base.length)));
}

/** A place in a JSON body: its path and the schema there. */
export interface Slot {
  path: (string | number)[];
  schema: JsonSchema;
}

/**
 * Every place in a body where a value can go: each property (at any depth), the first item of
 * each array, and one new key of each free-form object (`additionalProperties`).
 */
export function slots(schema: JsonSchema, path: (string | number)[] = [], depth = 0): Slot[] {
  if (depth > 6) return [];
  const s = branches(schema)[0]!;
  const out: Slot[] = [];
  const type = nonNullType(s);
  if (type === 'object') {
    for (const [k, child] of Object.entries(s.properties ?? {})) {
      out.push({ path: [...path, k], schema: child }, ...slots(child, [...path, k], depth + 1));
    }
    if (typeof s.additionalProperties === 'object') {
      out.push({ path: [...path, 'khoa_moi'], schema: s.additionalProperties });
    }
  } else if (type === 'array' && s.items) {
    out.push({ path: [...path, 0], schema: s.items }, ...slots(s.items, [...path, 0], depth + 1));
  }
  return out;
}

/**
 * `base` with `value` at `path`: missing containers on the way are taken from `full` (the sample
 * with every optional property), so that the value is reached with valid neighbours.
 */
export function setAt(base: unknown, full: unknown, path: (string | number)[], value: unknown): unknown {
  const root = structuredClone(base) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  let fullNode = full as Record<string | number, unknown> | undefined;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    fullNode = fullNode?.[k] as Record<string | number, unknown> | undefined;
    const next = node[k];
    if (next === null || typeof next !== 'object') {
      node[k] = fullNode !== undefined && typeof fullNode === 'object' ? structuredClone(fullNode) : typeof path[i + 1] === 'number' ? [] : {};
    }
    node = node[k] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return root;
}

/** Marks where raw bytes that are not UTF-8 go once the body is serialised. */
export const INVALID_UTF8 = Symbol('invalid UTF-8 bytes');
const INVALID_UTF8_MARK = '\ue000INVALID_UTF8\ue000';

/** `edge`: refused by the input guard before any route runs (cheap, and the same for every route). */
export type Malformed = { label: string; value: unknown; edge?: boolean };

const deepArray = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

/** Malformed text: what a broken or hostile client sends where a string belongs. */
export const MALFORMED_TEXT: Malformed[] = [
  { label: 'NUL', value: 'a\u0000b', edge: true },
  { label: 'lone surrogate', value: 'a\ud800b', edge: true },
  { label: 'invalid UTF-8', value: INVALID_UTF8, edge: true },
  { label: 'huge string', value: 'Nông Trang '.repeat(10_000) },
  { label: 'empty string', value: '' },
  { label: 'LIKE wildcards and a trailing backslash', value: '%_a\\' },
  { label: 'impossible date', value: '2026-02-30' },
  { label: 'year 0', value: '0000-01-01' },
  { label: 'year 99999', value: '99999-12-31T25:61:00+07:00' },
  { label: 'bad UUID', value: '3f1c2b7a-9d4e-4c1b-8a2f-6e5d4c3b2a1g' },
  { label: 'number beyond int8', value: '99999999999999999999' },
  { label: 'quote', value: "' or 1=1 --" },
];

/** Malformed values of the wrong type or out of range. */
export const MALFORMED_OTHER: Malformed[] = [
  { label: '-1', value: -1 },
  { label: '2^31', value: 2_147_483_648 },
  { label: '-2^31-1', value: -2_147_483_649 },
  { label: '2^53-1', value: Number.MAX_SAFE_INTEGER },
  { label: '1e308', value: 1e308 },
  { label: '0.5', value: 0.5 },
  { label: 'true', value: true },
  { label: 'null', value: null },
  { label: 'empty object', value: {} },
  { label: 'empty array', value: [] },
  { label: 'JSON 40 levels deep', value: deepArray(40) },
];

export const MALFORMED: Malformed[] = [...MALFORMED_TEXT, ...MALFORMED_OTHER];

const byLabel = new Map(MALFORMED.map((m) => [m.label, m]));
const take = (...labels: string[]) => labels.map((l) => byLabel.get(l)!);
const rest = (first: Malformed[]) => MALFORMED.filter((m) => !first.includes(m));

/**
 * The malformed values for a place holding `schema`, most telling first: out-of-range numbers
 * where a number goes, impossible dates where a date goes, and so on; then NUL (refused at the
 * edge for every route alike); then the rest. When the budget is short, the first ones are sent.
 */
export function valuesFor(schema: JsonSchema): Malformed[] {
  const s = branches(schema)[0]!;
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  let first: Malformed[];
  if (type === 'integer' || type === 'number') first = take('2^31', '-2^31-1', '2^53-1', '-1', '1e308', '0.5', 'number beyond int8', 'NUL');
  else if (s.format === 'date' || s.format === 'date-time' || /\\d\{4\}-/.test(s.pattern ?? '')) first = take('year 0', 'year 99999', 'impossible date', 'NUL', 'empty string');
  else if (s.format === 'uuid') first = take('bad UUID', 'NUL', 'empty string', '2^31');
  else if (s.enum) first = take('empty string', 'NUL', 'huge string', '2^31');
  else if (type === 'string' || type === undefined) first = take('huge string', 'LIKE wildcards and a trailing backslash', 'NUL', 'number beyond int8', 'year 0', 'bad UUID', 'empty string', '2^31');
  else if (type === 'boolean') first = take('NUL', '2^31', 'empty object');
  else first = take('JSON 40 levels deep', 'NUL', 'huge string', '2^31', 'null', type === 'array' ? 'empty object' : 'empty array');
  return [...first, ...rest(first)];
}

/** Serialises a JSON body, putting raw bytes C3 28 (not UTF-8) where INVALID_UTF8 stands. */
export function jsonBytes(body: unknown): Buffer {
  const text = JSON.stringify(body, (_k, v: unknown) => (v === INVALID_UTF8 ? INVALID_UTF8_MARK : v));
  const parts = text.split(INVALID_UTF8_MARK);
  return Buffer.concat(parts.flatMap((p, i) => (i === 0 ? [Buffer.from(p)] : [Buffer.from([0xc3, 0x28]), Buffer.from(p)])));
}

/** A value as it travels in a URL (path segment or query value), percent-encoded. */
export function urlValue(v: unknown): string {
  if (v === INVALID_UTF8) return 'a%C3%28';
  if (typeof v === 'string') {
    // encodeURIComponent refuses lone surrogates: send the bytes a naive client would (CESU-8).
    return v.replace(/[\ud800-\udfff]/g, () => '\u0000SURROGATE\u0000').split('\u0000SURROGATE\u0000').map(encodeURIComponent).join('%ED%A0%80');
  }
  return encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v));
}

/** A value as it travels in a header: Node decodes header bytes as latin1. */
export function headerValue(v: unknown): string {
  if (v === INVALID_UTF8) return 'khoa-\u00c3(-12345';
  if (typeof v === 'string') return v.slice(0, 8000);
  return JSON.stringify(v);
}
