/**
 * The ward's areas on the map: the boundaries of the three former units merged into Nông Trang
 * ward on 1 July 2025 (coarse, 2009 shapes: errors of 100–300 m). Used to place a report in an
 * area (routing, the public list's filter) and drawn on the map, which says the boundary is
 * approximate until the official one (with residential groups) is loaded (docs/FEEDBACK.md).
 *
 * Source: github.com/LucieContamin/censusVN2009 data/communes.rda (object 'communes', thinned with maptools::thinnedSpatialPoly tol 0.00145 deg; 2009-era boundaries).
 * Licence: MIT (package licence, copyright Marc Choisy 2017); original provenance of the commune shapefile not stated in the repo.
 * Copied from ../shared/data/nong-trang-boundary-2009.geojson. Pure, no I/O.
 */

export interface AreaFeature {
  type: 'Feature';
  properties: { code: string; name: string; accuracy: string };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

export const WARD_AREAS: { type: 'FeatureCollection'; approximate: boolean; source: string; licence: string; features: AreaFeature[] } = {
  type: 'FeatureCollection',
  approximate: true,
  source: "github.com/LucieContamin/censusVN2009 data/communes.rda (object 'communes', thinned with maptools::thinnedSpatialPoly tol 0.00145 deg; 2009-era boundaries)",
  licence: "MIT (package licence, copyright Marc Choisy 2017); original provenance of the commune shapefile not stated in the repo",
  features: [{"type": "Feature", "properties": {"code": "07894", "name": "Phường Nông Trang", "accuracy": "coarse: simplified to 8 vertices; expect errors of the order of 100-300 m, possible gaps/overlaps with neighbours; pre-2025 boundaries"}, "geometry": {"type": "Polygon", "coordinates": [[[105.38425, 21.33596], [105.390658, 21.331837], [105.390789, 21.327683], [105.382458, 21.322046], [105.375376, 21.322714], [105.376771, 21.331108], [105.375004, 21.333527], [105.38425, 21.33596]]]}}, {"type": "Feature", "properties": {"code": "07927", "name": "Phường Minh Phương", "accuracy": "coarse: simplified to 14 vertices; expect errors of the order of 100-300 m, possible gaps/overlaps with neighbours; pre-2025 boundaries"}, "geometry": {"type": "Polygon", "coordinates": [[[105.362455, 21.339941], [105.363387, 21.335432], [105.371507, 21.336033], [105.371782, 21.33294], [105.375004, 21.333527], [105.376771, 21.331108], [105.372453, 21.315892], [105.369994, 21.316854], [105.372696, 21.319762], [105.369911, 21.320856], [105.367767, 21.318468], [105.363263, 21.319305], [105.354304, 21.341941], [105.362455, 21.339941]]]}}, {"type": "Feature", "properties": {"code": "07924", "name": "Xã Thụy Vân", "accuracy": "coarse: simplified to 14 vertices; expect errors of the order of 100-300 m, possible gaps/overlaps with neighbours; pre-2025 boundaries"}, "geometry": {"type": "Polygon", "coordinates": [[[105.341194, 21.347877], [105.356714, 21.33937], [105.361552, 21.32244], [105.364376, 21.318345], [105.368136, 21.317574], [105.36817, 21.314738], [105.365267, 21.314504], [105.357556, 21.307161], [105.350874, 21.310754], [105.333481, 21.312463], [105.333287, 21.318934], [105.340829, 21.333626], [105.339121, 21.344443], [105.341194, 21.347877]]]}}] as AreaFeature[],
};

/** Whether [lon, lat] lies inside a ring (ray casting; the ring's edge counts as either). */
function inRing(lon: number, lat: number, ring: readonly [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The area (former unit code) a point lies in, or null outside the ward. */
export function areaOf(lat: number, lon: number, areas: readonly AreaFeature[] = WARD_AREAS.features): string | null {
  const hit = areas.find((f) => inRing(lon, lat, f.geometry.coordinates[0]!) && !f.geometry.coordinates.slice(1).some((hole) => inRing(lon, lat, hole)));
  return hit?.properties.code ?? null;
}

/** The ward's extent [minLon, minLat, maxLon, maxLat], padded by about 1 km for reports at its edge. */
export const WARD_BBOX: [number, number, number, number] = [105.323287, 21.297161, 105.400789, 21.357877];

export const areaName = (code: string | null) => WARD_AREAS.features.find((f) => f.properties.code === code)?.properties.name ?? null;
