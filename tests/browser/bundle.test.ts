import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/web.ts';
import { reactBuilds } from '../support/react-build.ts';

// The citizen pages load index.html's entry script and its static imports (modulepreload);
// the back office is a lazy chunk and must not be among them.
describe('the citizen bundle', () => {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);

  it('is under 200 KB of JavaScript gzipped', () => {
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, s) => sum + gzipSync(readFileSync(join(WEB_DIST, s))).length, 0);
    expect(total).toBeLessThan(200 * 1024);
  });

  it('leaves the back office out of the citizen pages', () => {
    // The back office's admin URLs live only in its own lazily loaded chunk(s).
    const all = readdirSync(join(WEB_DIST, 'assets')).filter((f) => f.endsWith('.js'));
    const backoffice = all.filter((f) => readFileSync(join(WEB_DIST, 'assets', f), 'utf8').includes('/quan-tri/'));
    expect(backoffice.length).toBeGreaterThan(0);
    for (const f of backoffice) expect(scripts).not.toContain(`assets/${f}`);
  });

  it('holds the production build of React, never its development build', () => {
    // Built by scripts/build.mjs in production mode whatever NODE_ENV is (a development build is
    // several times larger). tests/integration/start.test.ts checks what `npm start` serves.
    const dir = join(WEB_DIST, 'assets');
    const files = Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
    );
    const builds = reactBuilds(files);
    expect(builds.development).toEqual([]);
    expect(builds.production.length).toBeGreaterThan(0);
  });
});
