// Test fixture: opens the embedded database in the directory given and holds it until killed.
import { openPglite } from '../../src/db/client.ts';

await openPglite(process.argv[2]!);
process.stdout.write('ready\n');
setInterval(() => {}, 1000);
