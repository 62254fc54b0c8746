// The ward's areas in force (the official boundary and residential groups a unit admin loaded, or
// the built-in 2009 areas): asked once per page load and shared by the map and the filters.
import { useEffect, useState } from 'react';
import type { PublicAreas } from '@domain/feedback-contract.ts';
import { WARD_AREAS } from '@domain/feedback-areas.ts';
import { api } from '../../api/client';

/** The built-in areas: what the map shows if the server cannot be asked. */
export const BUILT_IN_AREAS: PublicAreas = { version: 0, approximate: true, source: WARD_AREAS.source, areas: { type: 'FeatureCollection', features: WARD_AREAS.features } };

let asked: Promise<PublicAreas> | null = null;
export const wardAreas = () => (asked ??= api.get<PublicAreas>('/feedback/areas').catch(() => BUILT_IN_AREAS));
/** After a new file is loaded on this page. */
export const forgetWardAreas = () => {
  asked = null;
};

/** The areas in force, null while they are asked. */
export function useWardAreas(): PublicAreas | null {
  const [areas, setAreas] = useState<PublicAreas | null>(null);
  useEffect(() => {
    let live = true;
    void wardAreas().then((a) => live && setAreas(a));
    return () => {
      live = false;
    };
  }, []);
  return areas;
}

/** The filter's choices: residential groups (or former units) first, the ward's own boundary last. */
export const areaOptions = (a: PublicAreas | null) =>
  (a?.areas.features ?? [])
    .slice()
    .sort((x, y) => Number(x.properties.kind === 'ward') - Number(y.properties.kind === 'ward'))
    .map((f) => ({ value: f.properties.code, label: f.properties.name }));
