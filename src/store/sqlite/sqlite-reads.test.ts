import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openSqliteStore, readerOf, withStatementCache } from './sqlite-store.ts';

describe('SQLite page reads (readerOf)', () => {
  it('should run the reads of one turn of the event loop together, before any of their results is used', async () => {
    const database = new BetterSqlite3(':memory:');
    const order: string[] = [];
    database.function('mark', (x: number) => {
      order.push(`run ${x}`);
      return x;
    });
    const read = readerOf(withStatementCache(database));
    const first = read('a', 'select mark(?) as v', [1]).then((rows) => order.push(`used ${JSON.stringify(rows)}`));
    const second = read('b', 'select mark(?) as v', [2]).then((rows) => order.push(`used ${JSON.stringify(rows)}`));
    assert.deepEqual(order, [], 'nothing runs before the event loop turns');
    await Promise.all([first, second]);
    assert.deepEqual(order, ['run 1', 'run 2', 'used [{"v":1}]', 'used [{"v":2}]']);
    database.close();
  });

  it('should reject only the read that fails', async () => {
    const database = new BetterSqlite3(':memory:');
    const read = readerOf(withStatementCache(database));
    const [bad, good] = await Promise.allSettled([read('bad', 'select * from no_such_table', []), read('good', 'select ? as v', ['x'])]);
    assert.equal(bad.status, 'rejected');
    assert.match(String((bad as PromiseRejectedResult).reason), /no such table/);
    assert.deepEqual(good, { status: 'fulfilled', value: [{ v: 'x' }] });
    database.close();
  });
});

describe('SQLite schema for the page reads', () => {
  it('should answer the home page stamp (newest rows: id, updated_at, source_id) from an index, not the rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lede-sqlite-plan-'));
    try {
      const store = openSqliteStore(join(dir, 'lede.sqlite'));
      await store.migrate();
      await store.close();
      const database = new BetterSqlite3(join(dir, 'lede.sqlite'), { readonly: true });
      const plan = database
        .prepare('explain query plan select id, updated_at, sort_at, source_id from articles order by sort_at desc, id desc limit 31')
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join('; ');
      database.close();
      assert.match(plan, /USING COVERING INDEX/, plan);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
