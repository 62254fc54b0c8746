/**
 * The ward's areas on the map: the boundaries of the three former units merged into Nông Trang
 * ward on 1 July 2025 (coarse, 2009 shapes: errors of 100–300 m). Used to place a report in an
 * area (routing, the public list's filter) and drawn on the map, which says the boundary is
 * approximate until the official one (with residential groups) is loaded (docs/FEEDBACK.md).
 * A unit admin loads that file as data (`parseAreasFile` checks it; src/modules/feedback/
 * feedback.areas.ts keeps its versions): these built-in areas apply until one is loaded.
 *
 * Source: github.com/LucieContamin/censusVN2009 data/communes.rda (object 'communes', thinned with maptools::thinnedSpatialPoly tol 0.00145 deg; 2009-era boundaries).
 * Licence: MIT (package licence, copyright Marc Choisy 2017); original provenance of the commune shapefile not stated in the repo.
 * Copied from ../shared/data/nong-trang-boundary-2009.geojson. Pure, no I/O.
 */

type Position = [number, number];
type Polygon = Position[][];

/**
 * An area of the ward: a residential group (tổ dân phố, `group`), the ward's own boundary
 * (`ward`), or one of the former units of the built-in file (`area`).
 */
export interface AreaFeature {
  type: 'Feature';
  properties: { code: string; name: string; kind?: AreaKind; accuracy?: string };
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
}
export type AreaKind = 'group' | 'ward' | 'area';

/** The areas in force: drawn on the map, listed in the filters, used to place a report. */
export interface WardAreas {
  type: 'FeatureCollection';
  /** The boundaries are approximate: the map says so. */
  approximate: boolean;
  source: string;
  licence: string;
  features: AreaFeature[];
}

export const WARD_AREAS: WardAreas = {
  type: 'FeatureCollection',
  approximate: true,
  source: "github.com/LucieContamin/censusVN2009 data/communes.rda (object 'communes', thinned with maptools::thinnedSpatialPoly tol 0.00145 deg; 2009-era boundaries)",
  licence: "MIT (package licence, copyright Marc Choisy 2017); original provenance of the commune shapefile not stated in the repo",
  features: [{"type": "Feature", "properties": {"code": "07894", "name": "Phường Nông Trang", "accuracy": "coarse: simplified to 8 vertices; expect errors of the order of 100-300 m, possible gaps/overlaps with neighbours; pre-2025 boundaries"}, "geometry": {"type": "Polygon", "coordinates": [[[105.38425, 21.33596], [105.390658, 21.331837], [105.390789, 21.327683], [105.382458, 21.322046], [105.375376, 21.322714], [105.376771, 21.331108], [105.375004, 21.333527], [105.38425, 21.33596]]]}}, {"type": "Feature", "properties": {"code": "07927", "name": "Phường Minh Phương", "accuracy": "coarse: simplified to 14 vertices; expect errors of the order of 100-300 m, possible gaps/overlaps with neighbours; pre-2025 boundaries"}, "geometry": {"type": "Polygon", "coordinates": [[[105.362455, 21.339941], [105.363387, 21.335432], [105.371507, 21.336033], [105.371782, 21.33294], [105.375004, 21.333527], [105.376771, 21.331108], [105.372453, 21.315892], [105.369994, 21.316854], [105.372696, 21.319762], [105.369911, 21.320856], [105.367767, 21.318468], [105.363263, 21.319305], [105.354304, 21.341941], [105.362455, 21.339941]]]}}, {"type": "Feature", "properties": {"code": "07924", "name": "Xã Thụy Vân", "accuracy": "coarse: simplified to 14 vertices; expect errors of the order of 100-300 m, possible gaps/overlaps with neighbours; pre-2025 boundaries"}, "geometry": {"type": "Polygon", "coordinates": [[[105.341194, 21.347877], [105.356714, 21.33937], [105.361552, 21.32244], [105.364376, 21.318345], [105.368136, 21.317574], [105.36817, 21.314738], [105.365267, 21.314504], [105.357556, 21.307161], [105.350874, 21.310754], [105.333481, 21.312463], [105.333287, 21.318934], [105.340829, 21.333626], [105.339121, 21.344443], [105.341194, 21.347877]]]}}] as AreaFeature[],
};

/** Whether [lon, lat] lies inside a ring (ray casting; the ring's edge counts as either). */
function inRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const polygonsOf = (f: AreaFeature): Polygon[] => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);
const inPolygon = (lon: number, lat: number, p: Polygon) => inRing(lon, lat, p[0]!) && !p.slice(1).some((hole) => inRing(lon, lat, hole));
const contains = (f: AreaFeature, lat: number, lon: number) => polygonsOf(f).some((p) => inPolygon(lon, lat, p));

/**
 * The area a point lies in, or null outside every one: a residential group (or former unit) first;
 * a point in the ward's boundary but in no group is placed in the ward itself.
 */
export function areaOf(lat: number, lon: number, areas: readonly AreaFeature[] = WARD_AREAS.features): string | null {
  const hit = areas.find((f) => f.properties.kind !== 'ward' && contains(f, lat, lon)) ?? areas.find((f) => f.properties.kind === 'ward' && contains(f, lat, lon));
  return hit?.properties.code ?? null;
}

/** About 1 km, in degrees: a report at the ward's edge is accepted. */
const EDGE_PAD = 0.01;

/** The extent [minLon, minLat, maxLon, maxLat] of the areas, padded by about 1 km for reports at the ward's edge. */
export function extentOf(areas: readonly AreaFeature[], pad = EDGE_PAD): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of areas) {
    for (const p of polygonsOf(f)) {
      for (const [x, y] of p[0]!) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
    }
  }
  const r = (v: number) => Math.round(v * 1e6) / 1e6;
  return [r(w - pad), r(s - pad), r(e + pad), r(n + pad)];
}

/** The ward's extent of the built-in areas [minLon, minLat, maxLon, maxLat], padded by about 1 km. */
export const WARD_BBOX: [number, number, number, number] = extentOf(WARD_AREAS.features);

/** An area's name in the areas in force, else in the built-in ones (a report placed before a file was loaded). */
export const areaName = (code: string | null, areas: readonly AreaFeature[] = WARD_AREAS.features) =>
  code === null ? null : (areas.find((f) => f.properties.code === code)?.properties.name ?? WARD_AREAS.features.find((f) => f.properties.code === code)?.properties.name ?? null);

// ---------------------------------------------------------------------------------------------
// A file a unit admin loads
// ---------------------------------------------------------------------------------------------

/**
 * What a loaded file may hold. A file of the official boundary with every residential group of a
 * ward holds a few dozen features of a few hundred vertices each.
 */
export const AREA_FILE_LIMITS = {
  features: 500,
  vertices: 100_000,
  /** Per ring: the self-crossing check is quadratic in it. */
  ringVertices: 5_000,
  /** The file itself (the API's body limit). */
  bytes: 5 * 1024 * 1024,
};

/**
 * Coordinates beyond this extent are refused as a wrong file: the built-in areas' extent padded
 * by about 5 km (a newer boundary moves by hundreds of metres, not kilometres).
 */
export const SANE_EXTENT: [number, number, number, number] = extentOf(WARD_AREAS.features, 0.05);

/** The property names a feature's code, name and kind may have (compared without case). */
export const AREA_PROPERTY_NAMES = { code: ['code', 'ma', 'ma_to', 'mã'], name: ['name', 'ten', 'ten_to', 'tên'], kind: ['kind', 'loai', 'loại'] } as const;
const WARD_KINDS = new Set(['ward', 'phuong', 'phường', 'ranh_gioi', 'boundary']);
export const AREA_CODE = /^[A-Za-z0-9_.-]{1,40}$/;

export interface AreaIssue {
  path: string;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const prop = (props: Record<string, unknown>, names: readonly string[]) => {
  const key = Object.keys(props).find((k) => names.includes(k.normalize('NFC').toLowerCase()));
  return key === undefined ? undefined : props[key];
};

/** Whether segments ab and cd cross (touching at a shared end does not count). */
function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const [o1, o2, o3, o4] = [o(a, b, c), o(a, b, d), o(c, d, a), o(c, d, b)];
  return o1 * o2 < 0 && o3 * o4 < 0;
}

function ringIssue(ring: unknown, path: string, counted: { vertices: number }): AreaIssue | null {
  const at = (vi: string, en: string) => ({ path, message: `${vi} / ${en}` });
  if (!Array.isArray(ring) || ring.length < 4) return at('Mỗi vòng cần ít nhất 4 điểm', 'a ring needs at least 4 positions');
  if (ring.length > AREA_FILE_LIMITS.ringVertices) return at(`Vòng có quá ${AREA_FILE_LIMITS.ringVertices} điểm`, `a ring has more than ${AREA_FILE_LIMITS.ringVertices} positions`);
  counted.vertices += ring.length;
  for (const p of ring) {
    if (!Array.isArray(p) || p.length < 2 || !p.every((v) => typeof v === 'number' && Number.isFinite(v))) return at('Tọa độ phải là cặp số [kinh độ, vĩ độ]', 'a position is a pair of numbers [longitude, latitude]');
    const [lon, lat] = p as Position;
    if (Math.abs(lat) > 90) return at('Tọa độ phải theo thứ tự [kinh độ, vĩ độ] (WGS 84), không phải [vĩ độ, kinh độ]', 'positions are [longitude, latitude] (WGS 84), not [latitude, longitude]');
    const [w, s, e, n] = SANE_EXTENT;
    if (lon < w || lon > e || lat < s || lat > n) {
      return at(`Điểm [${lon}, ${lat}] nằm ngoài địa bàn phường (hệ tọa độ phải là WGS 84, không phải VN-2000)`, `position [${lon}, ${lat}] is outside the ward (coordinates must be WGS 84, not VN-2000)`);
    }
  }
  const r = ring as Position[];
  if (r[0]![0] !== r.at(-1)![0] || r[0]![1] !== r.at(-1)![1]) return at('Vòng phải khép kín (điểm cuối trùng điểm đầu)', 'a ring must be closed (its last position the same as its first)');
  for (let i = 0; i < r.length - 1; i++) {
    for (let j = i + 2; j < r.length - 1; j++) {
      if (i === 0 && j === r.length - 2) continue;
      if (segmentsCross(r[i]!, r[i + 1]!, r[j]!, r[j + 1]!)) return at(`Vòng tự cắt (cạnh ${i + 1} và ${j + 1})`, `the ring crosses itself (edges ${i + 1} and ${j + 1})`);
    }
  }
  // Twice the signed area, from the first position (no cancellation between large coordinates).
  const [x0, y0] = r[0]!;
  let twice = 0;
  for (let i = 1; i < r.length - 2; i++) twice += (r[i]![0] - x0) * (r[i + 1]![1] - y0) - (r[i + 1]![0] - x0) * (r[i]![1] - y0);
  if (twice === 0) return at('Vòng không có diện tích', 'a ring has no area');
  return null;
}

/**
 * Checks a GeoJSON FeatureCollection of the ward's boundary and/or residential groups and gives
 * its features in the stored shape, or every fault with its place (`features.3.properties.code`).
 * Each feature: a Polygon or MultiPolygon in WGS 84 [longitude, latitude], closed rings that do
 * not cross themselves, inside the ward's extent; a code (`code`, `ma`) unique in the file and a
 * name (`name`, `ten`); `kind` (`loai`) `ward` (or `phuong`) marks the ward's own boundary.
 */
export function parseAreasFile(input: unknown): { ok: true; features: AreaFeature[] } | { ok: false; issues: AreaIssue[] } {
  const issues: AreaIssue[] = [];
  const fail = (path: string, vi: string, en: string) => ({ ok: false as const, issues: [{ path, message: `${vi} / ${en}` }] });
  if (!isObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) return fail('', 'Tệp phải là một GeoJSON FeatureCollection', 'the file must be a GeoJSON FeatureCollection');
  if (input.features.length === 0) return fail('features', 'Tệp không có vùng nào', 'the file has no feature');
  if (input.features.length > AREA_FILE_LIMITS.features) return fail('features', `Tệp có quá ${AREA_FILE_LIMITS.features} vùng`, `the file has more than ${AREA_FILE_LIMITS.features} features`);
  const counted = { vertices: 0 };
  const seen = new Map<string, number>();
  const features: AreaFeature[] = [];
  let wards = 0;
  input.features.forEach((f, i) => {
    const at = `features.${i}`;
    const issue = (path: string, vi: string, en: string) => issues.push({ path: `${at}${path}`, message: `${vi} / ${en}` });
    if (!isObject(f) || f.type !== 'Feature' || !isObject(f.geometry)) return void issue('', 'Mỗi phần tử phải là một Feature có hình học', 'each element must be a Feature with a geometry');
    const props = isObject(f.properties) ? f.properties : {};
    const rawCode = prop(props, AREA_PROPERTY_NAMES.code);
    const code = typeof rawCode === 'number' ? String(rawCode) : typeof rawCode === 'string' ? rawCode.trim() : '';
    if (!AREA_CODE.test(code)) issue('.properties.code', 'Cần mã vùng (thuộc tính code hoặc ma): chữ không dấu, số, dấu chấm, gạch, tối đa 40 ký tự', 'a code is needed (property code or ma): ASCII letters, digits, dot, dash, underscore, at most 40');
    else if (seen.has(code)) issue('.properties.code', `Mã ${code} trùng với vùng thứ ${seen.get(code)! + 1}`, `code ${code} is repeated (feature ${seen.get(code)! + 1})`);
    else seen.set(code, i);
    const rawName = prop(props, AREA_PROPERTY_NAMES.name);
    const name = typeof rawName === 'string' ? rawName.normalize('NFC').trim() : '';
    if (name === '' || name.length > 200) issue('.properties.name', 'Cần tên vùng, tối đa 200 ký tự (thuộc tính name hoặc ten)', 'a name of at most 200 characters is needed (property name or ten)');
    const rawKind = prop(props, AREA_PROPERTY_NAMES.kind);
    const kind: AreaKind = typeof rawKind === 'string' && WARD_KINDS.has(rawKind.normalize('NFC').trim().toLowerCase()) ? 'ward' : 'group';
    if (kind === 'ward' && ++wards === 2) issue('.properties.kind', 'Chỉ một vùng là ranh giới phường', 'only one feature may be the ward’s boundary');
    const g = f.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return void issue('.geometry.type', 'Hình học phải là Polygon hoặc MultiPolygon', 'the geometry must be a Polygon or a MultiPolygon');
    const polygons = g.type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : null;
    if (!polygons || polygons.length === 0) return void issue('.geometry.coordinates', 'Thiếu tọa độ', 'the coordinates are missing');
    for (const [pi, p] of polygons.entries()) {
      const prefix = `.geometry.coordinates${g.type === 'MultiPolygon' ? `.${pi}` : ''}`;
      if (!Array.isArray(p) || p.length === 0) return void issue(prefix, 'Đa giác không có vòng nào', 'a polygon has no ring');
      for (const [ri, ring] of p.entries()) {
        const bad = ringIssue(ring, `${at}${prefix}.${ri}`, counted);
        if (bad) return void issues.push(bad);
      }
    }
    const clean = (p: Position[][]) => p.map((ring) => ring.map(([x, y]) => [x, y] as Position));
    const geometry: AreaFeature['geometry'] = g.type === 'Polygon' ? { type: 'Polygon', coordinates: clean(g.coordinates as Polygon) } : { type: 'MultiPolygon', coordinates: (g.coordinates as Polygon[]).map(clean) };
    features.push({ type: 'Feature', properties: { code, name, kind }, geometry });
  });
  if (counted.vertices > AREA_FILE_LIMITS.vertices) issues.unshift({ path: 'features', message: `Tệp có quá ${AREA_FILE_LIMITS.vertices} điểm / the file has more than ${AREA_FILE_LIMITS.vertices} positions` });
  return issues.length ? { ok: false, issues: issues.slice(0, 50) } : { ok: true, features };
}
