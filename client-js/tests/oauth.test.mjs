import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { AybClient, AybOAuth, restoreOAuth } from '../ayb.mjs';
import { browserAt, fakeServer, navigate } from './support.mjs';

const base64url = (buffer) =>
  buffer.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

test('options are checked', () => {
  assert.throws(() => new AybOAuth({}), /appName is required/);
  assert.throws(
    () => new AybOAuth({ appName: 'x', queryPermissionLevel: 'manager' }),
    /queryPermissionLevel must be/,
  );
});

test('authorize stores verifier, state and server, and goes to the consent page with S256', async () => {
  const assigned = browserAt('https://app.example.org/todo/index.html?x=1');
  const oauth = new AybOAuth({
    appName: 'To-do list',
    queryPermissionLevel: 'read-write',
    serverUrl: 'https://ayb.example.org/',
  });
  const url = await oauth.authorize();
  assert.deepEqual(assigned, [url]);
  const target = new URL(url);
  assert.equal(target.origin + target.pathname, 'https://ayb.example.org/oauth/authorize');
  const p = target.searchParams;
  assert.equal(p.get('response_type'), 'code');
  assert.equal(p.get('redirect_uri'), 'https://app.example.org/todo/index.html');
  assert.equal(p.get('scope'), 'read-write');
  assert.equal(p.get('code_challenge_method'), 'S256');
  assert.equal(p.get('app_name'), 'To-do list');
  const verifier = sessionStorage.getItem('ayb_pkce_verifier');
  assert.match(verifier, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(p.get('code_challenge'), base64url(createHash('sha256').update(verifier).digest()));
  assert.equal(p.get('state'), sessionStorage.getItem('ayb_oauth_state'));
  assert.match(p.get('state'), /^[A-Za-z0-9_-]{22}$/);
  assert.equal(sessionStorage.getItem('ayb_oauth_server'), 'https://ayb.example.org');

  await oauth.authorize({ callbackPath: '/callback' });
  assert.equal(new URL(assigned[1]).searchParams.get('redirect_uri'), 'https://app.example.org/callback');
});

test('the callback exchanges the code and saves a connected client', async () => {
  const server = await fakeServer((request, body) => {
    const sent = JSON.parse(body);
    if (request.url !== '/v1/oauth/token' || sent.code !== 'the-code') {
      return { status: 400, body: { error: 'invalid_grant', error_description: 'nope' } };
    }
    return {
      status: 200,
      body: {
        access_token: 'ayb_scoped_secret',
        token_type: 'Bearer',
        database: 'alice/todos.sqlite',
        query_permission_level: 'read-only',
        database_url: 'https://ayb.example.org/v1/alice/todos.sqlite',
      },
    };
  });
  try {
    browserAt('https://app.example.org/todo');
    const oauth = new AybOAuth({ appName: 'To-do', appId: 'todo', serverUrl: server.url });
    await oauth.authorize();
    const verifier = sessionStorage.getItem('ayb_pkce_verifier');
    const state = sessionStorage.getItem('ayb_oauth_state');
    navigate(`https://app.example.org/todo?code=the-code&state=${state}`);
    const client = await restoreOAuth({ appName: 'To-do', appId: 'todo', serverUrl: server.url });
    assert.ok(client instanceof AybClient);
    assert.deepEqual(JSON.parse(server.requests[0].body), {
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: 'https://app.example.org/todo',
      code_verifier: verifier,
    });
    assert.equal(server.requests[0].headers['content-type'], 'application/json');
    assert.deepEqual(client.getConnectionInfo(), {
      baseUrl: 'https://ayb.example.org',
      entity: 'alice',
      database: 'todos.sqlite',
      token: 'ayb_scoped_secret',
      queryPermissionLevel: 'read-only',
      databaseUrl: 'https://ayb.example.org/v1/alice/todos.sqlite',
    });
    assert.equal(sessionStorage.getItem('ayb_pkce_verifier'), null);
    assert.equal(sessionStorage.getItem('ayb_oauth_state'), null);
    assert.equal(location.search, '');
    // Next page load: the saved connection.
    const restored = await restoreOAuth({ appName: 'To-do', appId: 'todo' });
    assert.equal(restored.getConnectionInfo().token, 'ayb_scoped_secret');
  } finally {
    await server.close();
  }
});

test('a refused exchange throws the server description, or a generic text', async () => {
  let answer = { status: 400, body: { error: 'invalid_grant', error_description: 'PKCE verification failed' } };
  const server = await fakeServer(() => answer);
  try {
    browserAt('https://app.example.org/');
    const oauth = new AybOAuth({ appName: 'A', serverUrl: server.url });
    await oauth.authorize();
    const state = sessionStorage.getItem('ayb_oauth_state');
    navigate(`https://app.example.org/?code=c&state=${state}`);
    await assert.rejects(oauth.handleCallback(), { message: 'PKCE verification failed' });
    answer = { status: 500, body: 'not json', type: 'text/plain' };
    await assert.rejects(oauth.handleCallback(), { message: 'Token exchange failed' });
  } finally {
    await server.close();
  }
});

test('an error, a wrong state and a missing verifier are refused before any exchange', async () => {
  const server = await fakeServer(() => ({ status: 500, body: {} }));
  try {
    browserAt('https://app.example.org/');
    const oauth = new AybOAuth({ appName: 'A', serverUrl: server.url });
    await oauth.authorize();
    navigate('https://app.example.org/?error=access_denied&state=x');
    await assert.rejects(restoreOAuth({ appName: 'A' }), { message: 'Authorization failed: access_denied' });

    await oauth.authorize();
    navigate('https://app.example.org/?code=c&state=forged');
    await assert.rejects(oauth.handleCallback(), { message: 'State mismatch - possible CSRF attack' });

    const state = sessionStorage.getItem('ayb_oauth_state');
    sessionStorage.removeItem('ayb_pkce_verifier');
    navigate(`https://app.example.org/?code=c&state=${state}`);
    await assert.rejects(oauth.handleCallback(), /verifier/);
    assert.equal(server.requests.length, 0);
  } finally {
    await server.close();
  }
});

test('restoreOAuth without a callback or a saved connection gives null', async () => {
  browserAt('https://app.example.org/');
  assert.equal(await restoreOAuth({ appName: 'Nothing' }), null);
});
