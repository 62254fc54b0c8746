/**
 * `name` of the module `load` imports, imported on the first call instead of at start-up. For the
 * few modules that pull in heavy dependencies (pdf-lib and its font engine, node-forge, the QR and
 * barcode writers: ≈ 60 MB and over a second to load) and serve a few requests: a server that
 * never prints a form or signs a document never loads them (docs/PERFORMANCE.md). The function
 * becomes async; Node imports the module once.
 */
export function lazy<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  type Lazy = M[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
  return (async (...args: unknown[]) => ((await load())[name] as (...a: unknown[]) => unknown)(...args)) as Lazy;
}
