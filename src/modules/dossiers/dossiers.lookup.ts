import { batchLoader } from '../../db/batch-loader.ts';
import type { Database } from '../../db/client.ts';
import { loadDossiersByEitherCode } from './dossiers.repo.ts';

/**
 * The public look-up's read (GET /public/dossiers/:code, the hottest read of the API): the
 * dossiers asked by our code or the national portal's, the look-ups that arrive together or while
 * a statement runs sharing the next statement. Two statements at once: on PostgreSQL one slow read
 * does not hold the others; with the embedded database on a thread of its own the next statement
 * waits there, ready, while this thread answers the last one's requests (docs/PERFORMANCE.md,
 * "Sixth round").
 */
export function publicLookup(database: Database) {
  return batchLoader((codes: string[]) => loadDossiersByEitherCode(database.db, codes), {
    maxBatch: 64,
    inFlight: 2,
  });
}
