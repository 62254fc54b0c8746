import { batchLoader } from '../../db/batch-loader.ts';
import type { Database } from '../../db/client.ts';
import { loadDossiersByEitherCode } from './dossiers.repo.ts';

/**
 * The public look-up's read (GET /public/dossiers/:code, the hottest read of the API): the
 * dossiers asked by our code or the national portal's, the look-ups that arrive while one is being
 * read sharing the next statement. On the embedded database a statement runs at a time anyway; on
 * PostgreSQL two run at once so that one slow read does not hold the others (docs/PERFORMANCE.md,
 * "Fourth round").
 */
export function publicLookup(database: Database) {
  return batchLoader((codes: string[]) => loadDossiersByEitherCode(database.db, codes), {
    maxBatch: 64,
    inFlight: database.kind === 'pglite' ? 1 : 2,
  });
}
