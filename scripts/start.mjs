// `npm start`: builds what is missing or older than its sources (as `npm run build -- --if-stale`),
// then runs the built server in this same process — one node process, npm's direct child (the
// script is `exec node …`), so the signals a service manager or Ctrl-C sends reach the server.
// A separate `prestart` would cost a second node process's start-up on every start.
import { build } from './build.mjs';

build({ ifStale: true });
await import('../dist/src/server/main.js');
