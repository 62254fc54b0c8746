import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The modules form a graph without cycles, on the server and in the web app: a module never
// imports, directly or through others, a module that imports it (docs/ARCHITECTURE.md). Type-only
// imports count too: a cycle of types is a cycle of design.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALIASES: Record<string, string> = { '@domain/': join(ROOT, 'src/domain/'), '@contract/': join(ROOT, 'src/contract/') };
const SOURCE = /\.(ts|tsx)$/;
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path);
    return SOURCE.test(name) && !/\.(test|d)\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a));
  const base = alias ? join(ALIASES[alias]!, spec.slice(alias.length)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every cycle's files (strongly connected components of more than one file, or a file importing itself), by Tarjan's algorithm. */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file, 'utf8');
    const deps = [...text.matchAll(IMPORT)].map((m) => resolveImport(file, (m[1] ?? m[2] ?? m[3])!)).filter((d): d is string => d !== null && !/\.(test|d)\.tsx?$/.test(d));
    graph.set(file, [...new Set(deps)]);
  }
  return graph;
}

describe('the import graph', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', ['e']],
    ]);
    expect(cyclesOf(g)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(cyclesOf(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it.each(['src', 'web/src'])('%s has no import cycle', (dir) => {
    const graph = importGraph(join(ROOT, dir));
    expect(graph.size).toBeGreaterThan(50);
    expect(cyclesOf(graph).map((c) => c.map((f) => relative(ROOT, f)))).toEqual([]);
  });
});

describe('the layers', () => {
  // The contract and the domain are what the web app imports too (`@contract/*`, `@domain/*`): they
  // stand on nothing of the server's (its modules, its database, its Fastify assembly).
  const LOWER = ['src/contract', 'src/domain'];
  const UPPER = ['src/server', 'src/modules', 'src/db'];
  it.each(LOWER)('%s imports nothing from the server, its modules or its database', (dir) => {
    const graph = importGraph(join(ROOT, dir));
    expect(graph.size).toBeGreaterThan(2);
    const wrong = [...graph].flatMap(([file, deps]) =>
      deps.filter((d) => UPPER.some((u) => d.startsWith(join(ROOT, u) + '/'))).map((d) => `${relative(ROOT, file)} → ${relative(ROOT, d)}`),
    );
    expect(wrong).toEqual([]);
  });
});
