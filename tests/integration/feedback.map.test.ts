import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { TEST_ENV } from '../support/seeded-database.ts';

// The ward map's optional tile server (docs/FEEDBACK.md): unset, the map is offline with the
// local GeoJSON only; set, the map shows the tiles with their attribution.

const TILES = { MAP_TILE_URL: 'https://tiles.example.vn/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© Những người đóng góp OpenStreetMap' };

describe('the map settings', () => {
  let plain: TestApp;
  let tiled: TestApp;
  beforeAll(async () => {
    [plain, tiled] = await Promise.all([startTestApp(), startTestApp(TILES)]);
  });
  afterAll(async () => {
    await Promise.all([plain?.close(), tiled?.close()]);
  });

  it('no tile server by default: the map stays offline', async () => {
    const res = await plain.app.inject({ method: 'GET', url: '/api/v1/feedback/map' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ tiles: null, boundaryApproximate: true });
  });

  it('with MAP_TILE_URL, the tiles and their attribution; the page may load images from that server', async () => {
    const res = await tiled.app.inject({ method: 'GET', url: '/api/v1/feedback/map' });
    expect(res.json()).toEqual({ tiles: { url: TILES.MAP_TILE_URL, attribution: TILES.MAP_TILE_ATTRIBUTION, maxZoom: 19 }, boundaryApproximate: true });
    const http = await startTestApp({ MAP_TILE_URL: 'http://10.0.0.5:8080/tiles/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: 'Sở Nông nghiệp và Môi trường' });
    try {
      const page = await http.app.inject({ method: 'GET', url: '/api/v1/feedback/map' });
      expect(page.headers['content-security-policy']).toMatch(/img-src[^;]*http:\/\/10\.0\.0\.5:8080/);
    } finally {
      await http.close();
    }
  });

  it('refuses a tile server without attribution, or a URL without {z}/{x}/{y}, at start-up', () => {
    expect(() => loadConfig({ ...TEST_ENV, MAP_TILE_URL: TILES.MAP_TILE_URL }, tmpdir())).toThrow(ConfigError);
    expect(() => loadConfig({ ...TEST_ENV, ...TILES, MAP_TILE_URL: 'https://tiles.example.vn/map.png' }, tmpdir())).toThrow(/MAP_TILE_URL/);
  });
});
