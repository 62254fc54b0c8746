/**
 * The HTTP contract in one place: the zod request and response schemas the server validates and
 * serializes with, and the web app infers its types from (`import type … from '@contract/…'`).
 * Each area has a file here; the areas written earlier in src/domain keep their files there and
 * are re-exported (docs/ARCHITECTURE.md, "One contract").
 */
export * as admin from './admin.ts';
export * as auth from './auth.ts';
export * as catalogue from './catalogue.ts';
export * as forms from './forms.ts';
export * as interop from './interop.ts';
export * as messages from './messages.ts';
export * as notifications from './notifications.ts';
export * as session from './session.ts';
export * as dossiers from './dossiers.ts';
export * as files from './files.ts';
export * as calendar from './calendar.ts';
export * as certifications from './certifications.ts';
export * as units from './units.ts';
export * as citizens from './citizens.ts';
export * as interopStatus from './interop-status.ts';
export * as feedback from '../domain/feedback-contract.ts';
export * as indicators from '../domain/indicators-contract.ts';
export * as projects from '../domain/projects-contract.ts';
export * as projectsPublic from '../domain/projects-public-contract.ts';
