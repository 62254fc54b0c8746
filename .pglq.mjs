import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create({startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB']});
await db.exec(`create table t(id serial primary key, code text unique, a text, b int, c timestamptz default now())`);
async function round(){
  const t=performance.now();
  for (let i=0;i<300;i++){ await db.transaction(async tx=>{ for(let j=0;j<8;j++) await tx.query('insert into t(code,a,b) values($1,$2,$3)', ['c'+Math.random(), 'x'.repeat(100), j]); }); }
  const t1=performance.now();
  for (let i=0;i<3000;i++) await db.query('select * from t where code=$1', ['c'+i]);
  const t2=performance.now();
  return [(t1-t)/300, (t2-t1)/3000];
}
for (let r=0;r<6;r++){ const [a,b]=await round(); console.log(process.execArgv.join(' '), 'tx ms', a.toFixed(2), 'select ms', b.toFixed(3), 'rss', (process.memoryUsage().rss/2**20).toFixed(0)); }
