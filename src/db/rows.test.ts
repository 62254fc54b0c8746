import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every `interface …Row` declared in src is either proved against its table in rows.check.ts
// (which `npm run typecheck` compiles: a proof that fails stops it) or listed there, with the
// reason, as having no table behind it; and every row type written where a query is made
// (`rows<…>`, `maybeOne<…>`) is a proved or listed one, or is declared with `RowOf` (proved where
// it is written) and `Computed` (src/db/rows.ts). A new row type written from memory fails here, named.

const HERE = dirname(fileURLToPath(import.meta.url));
const SRC = resolve(HERE, '..');
const MODULES = join(SRC, 'modules');
const CHECK = join(HERE, 'rows.check.ts');

const key = (file: string, name: string) => `${relative(MODULES, file).split('\\').join('/')} ${name}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.ts$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [path] : [];
  });
}

/** `path Name` of every row type declared in src (an interface, or an object type, named `…Row`). */
function declaredRows(files: { path: string; text: string }[]): string[] {
  return files.flatMap(({ path, text }) => [...text.matchAll(/^(?:export\s+)?(?:interface\s+(\w*Row)\b|type\s+(\w*Row)\s*=\s*\{)/gm)].map((m) => key(path, (m[1] ?? m[2])!)));
}

/** From `text[open]` (a `<`), the index just past the `>` that closes it. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '<') depth++;
    else if (text[i] === '>' && text[i - 1] !== '=' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** `type` without its `RowOf<…>` and `Computed<…>` parts: what is left to prove. */
function unproved(type: string): string {
  let rest = type;
  for (let at = rest.search(/\b(?:RowOf|Computed)</); at >= 0; at = rest.search(/\b(?:RowOf|Computed)</)) {
    rest = `${rest.slice(0, at)}${rest.slice(closing(rest, rest.indexOf('<', at)))}`;
  }
  return rest;
}

/**
 * `path:line type` of every query's row type (`rows<…>`, `maybeOne<…>`, `one<…>`) that is not made
 * of `RowOf<…>`, `Computed<…>`, `Pick`/`Omit`/`Partial` and row types rows.check.ts accounts for (`accounted`:
 * `path Name`, the file's own or one it imports by that name) or aliases of those in the same
 * file: an object type written inline, or a type nothing proves.
 */
function uncheckedInline(files: { path: string; text: string }[], accounted: Set<string>): string[] {
  const names = new Set([...accounted].map((r) => r.split(' ')[1]!));
  return files.flatMap(({ path, text }) => {
    const imported = new Set([...text.matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}/gm)].flatMap((m) => m[1]!.split(',').map((x) => x.replace(/^\s*type\s+/, '').trim().split(/\s+as\s+/).pop()!)));
    const known = new Set(['Pick', 'Omit', 'Partial', ...[...names].filter((n) => imported.has(n) || accounted.has(key(path, n)))]);
    const proved = (type: string) => {
      const rest = unproved(type);
      return !rest.includes('{') && [...rest.matchAll(/\b[A-Z]\w*/g)].every((n) => known.has(n[0]));
    };
    for (let grew = true; grew; ) {
      grew = false;
      for (const m of text.matchAll(/^(?:export\s+)?type\s+(\w+)\s*=\s*([^;]+);/gm)) {
        if (!known.has(m[1]!) && proved(m[2]!)) grew = Boolean(known.add(m[1]!));
      }
    }
    return [...text.matchAll(/\b(?:rows|maybeOne|one)</g)].flatMap((m) => {
      const open = m.index + m[0].length - 1;
      const type = text.slice(open + 1, closing(text, open) - 1);
      if (proved(type)) return [];
      return [`${relative(SRC, path).split('\\').join('/')}:${text.slice(0, m.index).split('\n').length} ${type.replace(/\s+/g, ' ')}`];
    });
  });
}

/**
 * What rows.check.ts accounts for: the row types it imports from a module and uses in a
 * `Proved<RowCheck<…>>` entry, and those it lists as having no table (`// - path Name: why`).
 */
function accountedRows(checkText: string): { proved: string[]; unused: string[]; listed: { row: string; why: string }[] } {
  const proved: string[] = [];
  const unused: string[] = [];
  const body = checkText.replace(/^import[^;]*;/gm, '');
  const proofs = [...body.matchAll(/Proved<RowCheck<[^\n]*>>/g)].map((m) => m[0]);
  for (const m of checkText.matchAll(/^import\s+type\s*\{([^}]*)\}\s*from\s*'(\.\.?\/(?!rows\.ts')[^']+)'/gm)) {
    const file = resolve(HERE, m[2]!);
    for (const spec of m[1]!.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [name, alias = name] = spec.split(/\s+as\s+/) as [string, string?];
      const used = proofs.some((p) => new RegExp(`\\b${alias}\\b`).test(p));
      (used ? proved : unused).push(key(file, name));
    }
  }
  const listed = [...checkText.matchAll(/^\/\/ - (\S+) (\w+):(.*)$/gm)].map((m) => ({ row: `${m[1]} ${m[2]}`, why: m[3]!.trim() }));
  return { proved, unused, listed };
}

describe('row types agree with the migrated schema', () => {
  const sources = filesUnder(SRC).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const declared = declaredRows(sources);
  const { proved, unused, listed } = accountedRows(readFileSync(CHECK, 'utf8'));
  const accounted = new Set([...proved, ...listed.map((l) => l.row)]);

  it('finds the row types of the modules', () => {
    expect(declared.length).toBeGreaterThan(40);
  });

  it('proves every row type of src in src/db/rows.check.ts, or lists it there as having no table', () => {
    expect(declared.filter((r) => !accounted.has(r))).toEqual([]);
  });

  it('imports only row types that a proof uses, and lists each table-less one once, with its reason, and not also as proved', () => {
    expect(unused).toEqual([]);
    expect(listed.filter((l) => l.why === '' || proved.includes(l.row))).toEqual([]);
    expect(listed.map((l) => l.row).filter((r, i, all) => all.indexOf(r) !== i)).toEqual([]);
  });

  it('lists no row type that no longer exists', () => {
    expect(listed.map((l) => l.row).filter((r) => !declared.includes(r))).toEqual([]);
  });

  it('tells a new, unproved row type apart (the check is not vacuous)', () => {
    const files = [{ path: join(MODULES, 'x/x.repo.ts'), text: 'export interface WidgetRow {\n  id: string;\n}\ninterface ProvedRow {}\n' }];
    const check = "import type { ProvedRow } from '../modules/x/x.repo.ts';\nexport type RowsProved = [Proved<RowCheck<'widgets', ProvedRow>>];\n";
    const { proved: p } = accountedRows(check);
    expect(declaredRows(files).filter((r) => !p.includes(r))).toEqual(['x/x.repo.ts WidgetRow']);
  });

  it('proves the row type of every query: RowOf, Computed, or a row type rows.check.ts accounts for', () => {
    const queries = sources.filter((f) => !/[/\\]db[/\\](client|rows)\.ts$/.test(f.path));
    expect(queries.reduce((n, f) => n + (f.text.match(/\b(?:rows|maybeOne)<(?:RowOf|Computed)</g)?.length ?? 0), 0)).toBeGreaterThan(150);
    expect(uncheckedInline(queries, accounted)).toEqual([]);
  });

  it('tells a row type written inline apart (the check is not vacuous)', () => {
    const text = [
      "const a = await rows<RowOf<'units', { id: string }> & Computed<{ n: number }>>(ex, q);",
      'const b = await maybeOne<ProvedRow & Computed<{ [K in keyof ProvedRow]: null }>>(ex, q);',
      'const c = await rows<{ id: string; name: string }>(ex, q);',
      "const d = await maybeOne<ProvedRow & { extra: string }>(ex, q);",
      'const e = await rows<WidgetRow>(ex, q);',
      "type Both = ProvedRow & Computed<{ n: number }>;",
      'const f = await rows<Both>(ex, q);',
      'const g = await rows<OtherRow>(ex, q);',
    ].join('\n');
    const accountedHere = new Set([key(join(SRC, 'x.ts'), 'ProvedRow'), key(join(SRC, 'y.ts'), 'OtherRow')]);
    expect(uncheckedInline([{ path: join(SRC, 'x.ts'), text }], accountedHere)).toEqual([
      'x.ts:3 { id: string; name: string }',
      'x.ts:4 ProvedRow & { extra: string }',
      'x.ts:5 WidgetRow',
      'x.ts:8 OtherRow',
    ]);
  });
});
