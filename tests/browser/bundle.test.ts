import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../src/server/web.ts';

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
});
