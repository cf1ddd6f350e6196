import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runMigrations } from '../ayb.mjs';

/** A client whose query() answers from a script and records the SQL. */
function scriptedClient(answer) {
  const sql = [];
  return {
    sql,
    async query(text) {
      sql.push(text);
      const result = answer(text);
      if (result instanceof Error) {
        throw result;
      }
      return result || { fields: [], rows: [] };
    },
  };
}

test('pending migrations run in order, each followed by its bookkeeping', async () => {
  const client = scriptedClient((text) =>
    text.startsWith('SELECT MAX') ? { fields: ['MAX(version)'], rows: [['1']] } : null,
  );
  const applied = await runMigrations(client, "bob's app", ['m1', 'm2', 'm3']);
  assert.equal(applied, 2);
  assert.match(client.sql[0], /^CREATE TABLE IF NOT EXISTS _ayb_migrations \(app_id TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY \(app_id, version\)\)$/);
  assert.equal(client.sql[1], "SELECT MAX(version) FROM _ayb_migrations WHERE app_id = 'bob''s app'");
  assert.deepEqual(client.sql.slice(2), [
    'm2',
    "INSERT OR REPLACE INTO _ayb_migrations (app_id, version) VALUES ('bob''s app', 2)",
    'm3',
    "INSERT OR REPLACE INTO _ayb_migrations (app_id, version) VALUES ('bob''s app', 3)",
  ]);
});

test('a fresh database (MAX is null) runs everything; "already exists" counts as applied', async () => {
  const client = scriptedClient((text) => {
    if (text.startsWith('SELECT MAX')) {
      return { fields: ['MAX(version)'], rows: [[null]] };
    }
    if (text === 'm1') {
      return new Error('Query failed: {"type":"Other","message":"table todo already exists"}');
    }
    return null;
  });
  assert.equal(await runMigrations(client, 'a', ['m1']), 1);
  assert.equal(client.sql.at(-1), "INSERT OR REPLACE INTO _ayb_migrations (app_id, version) VALUES ('a', 1)");
});

test('other failures stop the run; a database ahead of the code is refused', async () => {
  const failing = scriptedClient((text) =>
    text === 'bad' ? new Error('Query failed: syntax error') : text.startsWith('SELECT') ? { fields: [], rows: [] } : null,
  );
  await assert.rejects(runMigrations(failing, 'a', ['bad', 'never']), /syntax error/);
  assert.ok(!failing.sql.includes('never'));

  const ahead = scriptedClient((text) =>
    text.startsWith('SELECT') ? { fields: ['m'], rows: [['5']] } : null,
  );
  await assert.rejects(runMigrations(ahead, 'a', ['m1']), /^Error: Migration state corrupted/);
});
