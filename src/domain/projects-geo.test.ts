import { describe, expect, it } from 'vitest';
import { GeometrySchema, anchorOf, bboxOf } from './projects-geo.ts';

describe('project locations (GeoJSON)', () => {
  const square = { type: 'Polygon', coordinates: [[[105.35, 21.32], [105.36, 21.32], [105.36, 21.33], [105.35, 21.33], [105.35, 21.32]]] };
  const valid: [string, unknown][] = [
    ['a point in Nông Trang', { type: 'Point', coordinates: [105.3573, 21.3265] }],
    ['a road (line)', { type: 'LineString', coordinates: [[105.35, 21.32], [105.37, 21.33]] }],
    ['a closed polygon', square],
    ['a multipolygon', { type: 'MultiPolygon', coordinates: [square.coordinates] }],
  ];
  it.each(valid)('accepts %s', (_n, g) => {
    expect(GeometrySchema.safeParse(g).success).toBe(true);
  });

  const invalid: [string, unknown][] = [
    ['latitude and longitude swapped', { type: 'Point', coordinates: [21.3265, 105.3573] }],
    ['an open ring', { type: 'Polygon', coordinates: [[[105.35, 21.32], [105.36, 21.32], [105.36, 21.33], [105.35, 21.33]]] }],
    ['a feature instead of a geometry', { type: 'Feature', geometry: { type: 'Point', coordinates: [105.35, 21.32] } }],
    ['a point with no coordinates', { type: 'Point', coordinates: [] }],
    ['not a number', { type: 'Point', coordinates: [105.35, null] }],
  ];
  it.each(invalid)('refuses %s', (_n, g) => {
    expect(GeometrySchema.safeParse(g).success).toBe(false);
  });

  it('finds the box and a point to anchor a label', () => {
    const g = GeometrySchema.parse(square);
    expect(bboxOf(g)).toEqual([105.35, 21.32, 105.36, 21.33]);
    expect(anchorOf(g)[0]).toBeCloseTo(105.355, 6);
    expect(anchorOf(GeometrySchema.parse({ type: 'Point', coordinates: [105.3573, 21.3265] }))).toEqual([105.3573, 21.3265]);
  });
});
