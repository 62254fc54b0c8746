import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every `interface …Row` a module declares is either proved against its table in rows.check.ts
// (which `npm run typecheck` compiles: a proof that fails stops it) or listed there, with the
// reason, as having no table behind it. A new row type written from memory fails here, named.

const HERE = dirname(fileURLToPath(import.meta.url));
const MODULES = resolve(HERE, '../modules');
const CHECK = join(HERE, 'rows.check.ts');

const key = (file: string, name: string) => `${relative(MODULES, file).split('\\').join('/')} ${name}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.ts$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [path] : [];
  });
}

/** `path Name` of every row type declared in src/modules. */
function declaredRows(files: { path: string; text: string }[]): string[] {
  return files.flatMap(({ path, text }) => [...text.matchAll(/^(?:export\s+)?interface\s+(\w*Row)\b/gm)].map((m) => key(path, m[1]!)));
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
  for (const m of checkText.matchAll(/^import\s+type\s*\{([^}]*)\}\s*from\s*'(\.\.\/modules\/[^']+)'/gm)) {
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
  const declared = declaredRows(filesUnder(MODULES).map((path) => ({ path, text: readFileSync(path, 'utf8') })));
  const { proved, unused, listed } = accountedRows(readFileSync(CHECK, 'utf8'));

  it('finds the row types of the modules', () => {
    expect(declared.length).toBeGreaterThan(40);
  });

  it('proves every row type of src/modules in src/db/rows.check.ts, or lists it there as having no table', () => {
    const accounted = new Set([...proved, ...listed.map((l) => l.row)]);
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
});
