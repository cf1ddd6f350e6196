import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AybClient, escapeSQL, parseDatabaseUrl, queryObjects } from '../ayb.mjs';
import { browserAt, fakeServer } from './support.mjs';

test('escapeSQL doubles single quotes and turns null and undefined into empty text', () => {
  assert.equal(escapeSQL("it's Bob's"), "it''s Bob''s");
  assert.equal(escapeSQL(null), '');
  assert.equal(escapeSQL(undefined), '');
  assert.equal(escapeSQL(42), '42');
});

test('parseDatabaseUrl accepts the API form and the page form of a database URL', () => {
  assert.deepEqual(parseDatabaseUrl('https://ayb.example.org/v1/alice/todos.sqlite'), {
    baseUrl: 'https://ayb.example.org',
    entity: 'alice',
    database: 'todos.sqlite',
  });
  assert.deepEqual(parseDatabaseUrl('http://localhost:5433/alice/todos.sqlite'), {
    baseUrl: 'http://localhost:5433',
    entity: 'alice',
    database: 'todos.sqlite',
  });
  assert.throws(() => parseDatabaseUrl('https://ayb.example.org/alice'), /Invalid database URL/);
  assert.throws(() => parseDatabaseUrl('not a url'), /Invalid database URL/);
});

test('appId is required; the storage key defaults to ayb_<appId>', () => {
  browserAt('https://app.example.org/');
  assert.throws(() => new AybClient({}), /appId is required/);
  assert.equal(new AybClient({ appId: 'todo' }).storageKey, 'ayb_todo');
  assert.equal(new AybClient({ appId: 'todo', storageKey: 'mine' }).storageKey, 'mine');
});

test('a url and token connect at once and are remembered in localStorage', () => {
  browserAt('https://app.example.org/');
  const client = new AybClient({
    appId: 'todo',
    url: 'https://ayb.example.org/v1/alice/todos.sqlite',
    token: 'ayb_short_secret',
  });
  assert.ok(client.isConnected());
  assert.deepEqual(JSON.parse(localStorage.getItem('ayb_todo')), {
    baseUrl: 'https://ayb.example.org',
    entity: 'alice',
    database: 'todos.sqlite',
    token: 'ayb_short_secret',
  });
  assert.equal(
    client.getConnectionInfo().databaseUrl,
    'https://ayb.example.org/v1/alice/todos.sqlite',
  );
  const again = new AybClient({ appId: 'todo' });
  assert.ok(again.isConnected());
  again.disconnect();
  assert.equal(localStorage.getItem('ayb_todo'), null);
  assert.equal(again.getConnectionInfo(), null);
  assert.ok(!new AybClient({ appId: 'todo' }).isConnected());
});

test('query posts the SQL as text with the bearer token and returns the parsed answer', async () => {
  browserAt('https://app.example.org/');
  const server = await fakeServer(() => ({
    status: 200,
    body: { fields: ['id', 'title'], rows: [['1', 'milk'], ['2', null]] },
  }));
  try {
    const client = new AybClient({ appId: 't', url: `${server.url}/v1/alice/todos.sqlite`, token: 'ayb_a_b' });
    const result = await client.query('SELECT id, title FROM todo');
    assert.deepEqual(result.fields, ['id', 'title']);
    const request = server.requests[0];
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/v1/alice/todos.sqlite/query');
    assert.equal(request.headers.authorization, 'Bearer ayb_a_b');
    assert.equal(request.headers['content-type'], 'text/plain');
    assert.equal(request.body, 'SELECT id, title FROM todo');
    assert.deepEqual(await client.queryObjects('SELECT id, title FROM todo'), [
      { id: '1', title: 'milk' },
      { id: '2', title: null },
    ]);
    assert.deepEqual(await queryObjects(client, 'SELECT 1'), [
      { id: '1', title: 'milk' },
      { id: '2', title: null },
    ]);
  } finally {
    await server.close();
  }
});

test('a refused query throws "Query failed: " with the server answer, without retrying', async () => {
  browserAt('https://app.example.org/');
  const refusal = '{"type":"NoWriteAccessError","message":"Attempted to write to database while in read-only mode"}';
  const server = await fakeServer(() => ({ status: 403, body: refusal }));
  try {
    const client = new AybClient({ appId: 't', url: `${server.url}/v1/a/d`, token: 'ayb_a_b' });
    await assert.rejects(client.query('INSERT INTO t VALUES (1)', 3), {
      message: `Query failed: ${refusal}`,
    });
    assert.equal(server.requests.length, 1);
  } finally {
    await server.close();
  }
});

test('a network failure is retried when asked, else thrown', async () => {
  browserAt('https://app.example.org/');
  const server = await fakeServer(() => ({ status: 200, body: {} }));
  const url = server.url;
  await server.close();
  const client = new AybClient({ appId: 't', url: `${url}/v1/a/d`, token: 'ayb_a_b' });
  await assert.rejects(client.query('SELECT 1'), TypeError);
  const disconnected = new AybClient({ appId: 'nobody' });
  await assert.rejects(disconnected.query('SELECT 1'), /Not connected/);
});

test('query(sql, params) posts a JSON body whose values the server binds', async () => {
  browserAt('https://app.example.org/');
  const server = await fakeServer(() => ({ status: 200, body: { fields: ['x'], rows: [['1']] } }));
  try {
    const client = new AybClient({ appId: 't', url: `${server.url}/v1/a/d`, token: 'ayb_a_b' });
    const attack = "x'); DROP TABLE t; --";
    const result = await client.query('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)', [
      42,
      2.5,
      9007199254740993n,
      attack,
      true,
      null,
      new Uint8Array([0, 255, 1]),
    ]);
    assert.deepEqual(result, { fields: ['x'], rows: [['1']] });
    let request = server.requests[0];
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(
      request.body,
      '{"query":"INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)","params":' +
        `[42,2.5,9007199254740993,${JSON.stringify(attack)},true,null,{"base64":"AP8B"}]}`,
    );
    await client.query('SELECT :id, @b', { id: 7, '@b': new Uint8Array([104, 105]).buffer });
    request = server.requests[1];
    assert.equal(request.body, '{"query":"SELECT :id, @b","params":{"id":7,"@b":{"base64":"aGk="}}}');
    await client.query('SELECT 1', 2);
    assert.equal(server.requests[2].headers['content-type'], 'text/plain', 'query(sql, maxRetries) is the old call');
    assert.equal(server.requests[2].body, 'SELECT 1');
    await assert.rejects(client.query('SELECT ?', [NaN]), /cannot be NaN/);
    await assert.rejects(client.query('SELECT ?', [{}]), /A query parameter is null/);
    await assert.rejects(client.query('SELECT ?', 'x'), /params must be an array/);
    assert.equal(server.requests.length, 3, 'bad parameters are refused before anything is sent');
  } finally {
    await server.close();
  }
});
