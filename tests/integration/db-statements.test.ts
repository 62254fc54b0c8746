import { openTestDatabase } from '../support/app.ts';
import { statementChecks } from '../support/statement-checks.ts';

// Statements run as prepared statements once they repeat (src/db/pglite-session.ts,
// postgres-session.ts): the first run and the prepared ones must give the same rows, types and errors.
statementChecks('statements', () => openTestDatabase());
