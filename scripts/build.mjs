// `npm run build`: compiles the server to dist/src (TypeScript's own compiler; `npm run
// typecheck` checks the types), makes the initial embedded database (dist/pglite-initial) and
// builds the web app to dist/web in production mode, whatever NODE_ENV says (a development React
// build is 5× larger and slower).
//   --if-stale   build only what is missing or older than its sources (`npm start`, the tests)
//   --server     only the server (and its initial embedded database); --web  only the web app
// `npm start` (scripts/start.mjs) calls build({ ifStale: true }) in its own process.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url).pathname;

/** The newest modification time of the files under `paths` (0 for a missing path). */
function newest(...paths) {
  let t = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const s = statSync(p);
    if (!s.isDirectory()) t = Math.max(t, s.mtimeMs);
    else for (const entry of readdirSync(p)) t = Math.max(t, newest(join(p, entry)));
  }
  return t;
}

/** A build is stale when its stamp is missing or older than any of its sources. */
function stale(stamp, sources) {
  return !existsSync(stamp) || statSync(stamp).mtimeMs < newest(...sources);
}

const node = (script, argv, env = process.env) => execFileSync(process.execPath, [join(root, script), ...argv], { cwd: root, stdio: 'inherit', env });
const lock = join(root, 'package-lock.json');

const server = {
  name: 'server',
  stamp: join(root, 'dist/src/.built'),
  sources: [join(root, 'src'), join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json'), lock],
  build() {
    // From scratch: a removed source must not leave its old build behind.
    rmSync(join(root, 'dist/src'), { recursive: true, force: true });
    node('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.build.json', '--noCheck']);
  },
};

// The embedded database created and migrated once here, copied by a first start on an empty
// DATA_DIR instead of PostgreSQL's initdb (src/db/initial-data-dir.ts). Needs the server's build.
const database = {
  name: 'initial embedded database',
  stamp: join(root, 'dist/pglite-initial/made-with.json'),
  sources: [join(root, 'src/db'), join(root, 'node_modules/@electric-sql/pglite/package.json')],
  build() {
    const module = new URL('../dist/src/db/initial-data-dir.js', import.meta.url).href;
    execFileSync(process.execPath, ['--input-type=module', '-e', 'await (await import(process.argv[1])).makeInitialDataDir()', module], {
      cwd: root,
      stdio: 'inherit',
    });
  },
};

const web = {
  name: 'web app',
  stamp: join(root, 'dist/web/index.html'),
  sources: [join(root, 'web'), join(root, 'src/domain'), join(root, 'src/contract'), lock],
  build() {
    node('node_modules/vite/bin/vite.js', ['build', '--config', 'web/vite.config.ts', '--mode', 'production', '--logLevel', 'warn'], {
      ...process.env,
      NODE_ENV: 'production',
    });
  },
};

const parts = { server: [server, database], web: [web] };

/** Builds `only` one part (or all), or with `ifStale` only what is missing or older than its sources. */
export function build({ ifStale = false, only = null } = {}) {
  for (const part of only ? parts[only] : [server, database, web]) {
    if (part === web && !existsSync(join(root, 'web/index.html'))) continue;
    if (ifStale && !stale(part.stamp, part.sources)) continue;
    const started = Date.now();
    console.log(`Building the ${part.name}…`);
    part.build();
    // Stamped with the time the build began: a source saved during the build makes it stale.
    if (part === server) writeFileSync(server.stamp, `${new Date().toISOString()}\n`);
    utimesSync(part.stamp, new Date(started), new Date(started));
    console.log(`Built the ${part.name} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  build({ ifStale: args.has('--if-stale'), only: args.has('--server') ? 'server' : args.has('--web') ? 'web' : null });
}
