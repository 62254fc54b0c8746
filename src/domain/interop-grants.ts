/**
 * What a connected system is and may be granted (docs/INTEROP.md). Apart from interop.ts (which
 * signs with node:crypto) so that the HTTP contract, and the web app that reads its types, need
 * nothing of Node.
 */

/** What a connected system may be granted (one or more per system). */
export const INTEROP_SCOPES = ['dossiers.submit', 'dossiers.read', 'residents.read', 'catalogue.push'] as const;
export type InteropScope = (typeof INTEROP_SCOPES)[number];

export const SYSTEM_KINDS = ['national_portal', 'provincial_system', 'unit_system'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];
