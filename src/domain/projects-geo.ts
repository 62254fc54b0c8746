/**
 * Where a project, a promoted site or a plan lies: a GeoJSON geometry (RFC 7946: longitude first,
 * WGS 84), checked to fall in Vietnam so a swapped latitude and longitude is caught at the edge.
 * Pure, no I/O.
 */
import { z } from 'zod';

/** Vietnam's extent, generously (mainland and islands): lon 102–118 E, lat 6–24 N. */
export const VIETNAM_BOUNDS = { minLon: 102, maxLon: 118, minLat: 6, maxLat: 24 } as const;

const Position = z
  .tuple([z.number().finite(), z.number().finite()])
  .refine(([lon, lat]) => lon >= VIETNAM_BOUNDS.minLon && lon <= VIETNAM_BOUNDS.maxLon && lat >= VIETNAM_BOUNDS.minLat && lat <= VIETNAM_BOUNDS.maxLat, {
    message: 'Tọa độ phải nằm trong lãnh thổ Việt Nam, theo thứ tự [kinh độ, vĩ độ] / a position must be [longitude, latitude] within Vietnam',
  });
export type Position = [number, number];

const closed = (ring: Position[]) => {
  const a = ring[0]!;
  const b = ring[ring.length - 1]!;
  return a[0] === b[0] && a[1] === b[1];
};
const Ring = z
  .array(Position)
  .min(4)
  .max(2000)
  .refine((r) => closed(r as Position[]), { message: 'Vòng đa giác phải khép kín (điểm đầu trùng điểm cuối) / a polygon ring must be closed' });
const Line = z.array(Position).min(2).max(2000);

export const GeometrySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: Position }),
  z.strictObject({ type: z.literal('LineString'), coordinates: Line }),
  z.strictObject({ type: z.literal('MultiLineString'), coordinates: z.array(Line).min(1).max(50) }),
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1).max(20) }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1).max(20)).min(1).max(50) }),
]);
export type Geometry = z.infer<typeof GeometrySchema>;

/** Every position of a geometry. */
export function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates as Position];
    case 'LineString':
      return g.coordinates as Position[];
    case 'MultiLineString':
      return (g.coordinates as Position[][]).flat();
    case 'Polygon':
      return (g.coordinates as Position[][])[0] ?? [];
    case 'MultiPolygon':
      return (g.coordinates as Position[][][]).flatMap((p) => p[0] ?? []);
  }
}

/** [minLon, minLat, maxLon, maxLat]. */
export function bboxOf(g: Geometry): [number, number, number, number] {
  const ps = positionsOf(g);
  return [Math.min(...ps.map((p) => p[0])), Math.min(...ps.map((p) => p[1])), Math.max(...ps.map((p) => p[0])), Math.max(...ps.map((p) => p[1]))];
}

/** A point to place a marker or a label: the centre of the bounding box (enough at ward scale). */
export function anchorOf(g: Geometry): Position {
  if (g.type === 'Point') return g.coordinates as Position;
  const [a, b, c, d] = bboxOf(g);
  return [(a + c) / 2, (b + d) / 2];
}
