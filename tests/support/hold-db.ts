// Test fixture: opens the embedded database in the directory given and holds it until killed;
// a fresh directory starts from the data-directory dump given as the second argument, if any.
import { readFileSync } from 'node:fs';
import { openPglite } from '../../src/db/client.ts';

const dump = process.argv[3];
await openPglite(process.argv[2]!, dump ? { from: new Blob([readFileSync(dump)]) } : {});
process.stdout.write('ready\n');
setInterval(() => {}, 1000);
