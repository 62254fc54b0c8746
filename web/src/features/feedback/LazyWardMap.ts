import { lazy } from 'react';

// Leaflet and the map are loaded with the page that shows them, never with the portal.
export const LazyWardMap = lazy(() => import('./WardMap'));
