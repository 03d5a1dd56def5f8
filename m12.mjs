import Database from 'better-sqlite3';
const db = new Database('/tmp/c12mnt/a.db'); db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)');
let ok = [];
for (let i = 0; i < 200; i++) {
  try { const r = db.prepare('INSERT INTO t (v) VALUES (?) RETURNING id').get('x'.repeat(3000)); ok.push(r.id); }
  catch (e) { console.log('err at', i, e.code, e.message); break; }
}
console.log('acked', ok.length, 'last', ok.at(-1));
db.close();
const d2 = new Database('/tmp/c12mnt/a.db');
console.log('count after reopen', d2.prepare('select count(*) n, max(id) m from t').get());
