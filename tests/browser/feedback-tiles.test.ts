import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, newPage, startBrowserEnv, type BrowserEnv } from './support.ts';

// The ward map with the optional tile server set (MAP_TILE_URL, docs/FEEDBACK.md): the tiles are
// drawn under the ward's areas, with the provider's attribution. A stand-in tile server on the
// machine answers every tile with a small PNG and counts the requests.

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
let tiles: Server;
let served = 0;
let env: BrowserEnv;

beforeAll(async () => {
  tiles = createServer((req, res) => {
    if (/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) served++;
    res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  });
  await new Promise<void>((ok) => tiles.listen(0, '127.0.0.1', ok));
  const port = (tiles.address() as AddressInfo).port;
  env = await startBrowserEnv({ MAP_TILE_URL: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`, MAP_TILE_ATTRIBUTION: 'Bản đồ nền thử nghiệm của phường' });
});
afterAll(async () => {
  await env?.close();
  await new Promise((ok) => tiles?.close(ok));
});

describe('the ward map with a tile server', () => {
  it('shows the tiles under the areas, with the attribution, on a phone', async () => {
    const { context, page } = await newPage(env, { mobile: true });
    await page.goto('/phan-anh');
    await page.locator('.ward-map__canvas[data-tiles="on"]').waitFor();
    await expect.poll(() => page.locator('.leaflet-tile-loaded').count()).toBeGreaterThan(0);
    expect(served).toBeGreaterThan(0);
    await page.locator('.leaflet-control-attribution').getByText('Bản đồ nền thử nghiệm của phường').waitFor();
    await page.getByText(/Ranh giới trên bản đồ là gần đúng/).first().waitFor();
    await check(page, 'feedback-map-tiles-phone');
    await context.close();
  });
});
