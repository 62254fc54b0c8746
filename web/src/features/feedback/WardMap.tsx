import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapSettings } from '@domain/feedback-contract.ts';
import { useT } from '../../i18n';
import { api } from '../../api/client';
import { wardAreas } from './areas';

/** The map's settings, asked once per page load; offline (no tiles) if they cannot be read. */
let settings: Promise<MapSettings | null> | null = null;
const mapSettings = () => (settings ??= api.get<MapSettings>('/feedback/map').catch(() => null));

export interface MapPoint {
  lat: number;
  lon: number;
  label?: string;
  href?: string;
  /** A marker's colour and a glyph on it (▲ ◆ ●…), so that a legend can name it without colour. */
  colour?: string;
  symbol?: string;
}

/** A point drawn as a coloured badge with its glyph (the projects map's states). */
function symbolMarker(p: MapPoint & { symbol: string }) {
  const badge = document.createElement('span');
  badge.className = 'ward-map__symbol';
  badge.style.background = p.colour ?? '#d4351c';
  badge.textContent = p.symbol;
  return L.marker([p.lat, p.lon], { icon: L.divIcon({ html: badge, className: '', iconSize: [24, 24], iconAnchor: [12, 12] }), keyboard: false, alt: p.label ?? '' });
}

/**
 * The ward map: the areas in force (the boundary and residential groups the ward loaded, else the
 * built-in 2009 areas) from the ward's own server (no internet needed; tiles only when the
 * optional MAP_TILE_URL is set, with their attribution), saying the boundary is approximate only
 * while it is,
 * points of reports, and — when `onPick` is given — a pin the person places by tapping. Loaded
 * with its page only (Leaflet is in this chunk).
 */
export default function WardMap({ points = [], picked, onPick, label }: { points?: MapPoint[]; picked?: { lat: number; lon: number } | null; onPick?: (p: { lat: number; lon: number }) => void; label: string }) {
  const { t } = useT();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const [approximate, setApproximate] = useState<boolean | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { attributionControl: true, zoomSnap: 0.5 });
    // The ward's extent until its areas are drawn (the built-in areas' extent).
    m.fitBounds([
      [21.307161, 105.333287],
      [21.347877, 105.390789],
    ]);
    let live = true;
    void wardAreas().then((a) => {
      if (!live) return;
      const areas = L.geoJSON(a.areas as never, {
        style: (f) => (f?.properties.kind === 'ward' ? { color: '#0b0c0c', weight: 3, fillOpacity: 0 } : { color: '#1d70b8', weight: 2, fillOpacity: 0.08 }),
      }).addTo(m);
      areas.bringToBack();
      areas.eachLayer((l) => {
        const f = (l as L.Layer & { feature?: { properties: { name: string } } }).feature;
        if (f) l.bindTooltip(f.properties.name);
      });
      m.fitBounds(areas.getBounds());
      m.attributionControl.addAttribution(a.version === 0 ? 'Ranh giới: censusVN2009 (MIT), gần đúng' : `Ranh giới: ${a.source || 'UBND phường'}${a.approximate ? ', gần đúng' : ''}`);
      setApproximate(a.approximate);
    });
    m.on('click', (e: L.LeafletMouseEvent) => pickRef.current?.({ lat: Number(e.latlng.lat.toFixed(6)), lon: Number(e.latlng.lng.toFixed(6)) }));
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    void mapSettings().then((ms) => {
      if (!live || !ms?.tiles) return;
      L.tileLayer(ms.tiles.url, { attribution: ms.tiles.attribution, maxZoom: ms.tiles.maxZoom }).addTo(m).bringToBack();
      box.current?.setAttribute('data-tiles', 'on');
    });
    return () => {
      live = false;
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const g = layer.current;
    if (!g) return;
    g.clearLayers();
    for (const p of points) {
      const mk = (p.symbol ? symbolMarker({ ...p, symbol: p.symbol }) : L.circleMarker([p.lat, p.lon], { radius: 7, color: p.colour ?? '#d4351c', fillOpacity: 0.8 })).addTo(g);
      if (p.label) mk.bindTooltip(p.label);
    }
    if (picked) L.circleMarker([picked.lat, picked.lon], { radius: 10, color: '#00703c', weight: 3, fillOpacity: 0.6 }).addTo(g);
  }, [points, picked]);

  return (
    <figure className="ward-map">
      <div ref={box} className="ward-map__canvas" role="application" aria-label={label} />
      {approximate && <figcaption className="hint">{t('fb.map.approximate')}</figcaption>}
    </figure>
  );
}
