// The to-do app. Which ayb server to use comes from ?server=https://ayb.example.org on the first
// visit (remembered), the access level from ?level=read-only|read-write (default read-write).
// The client is loaded from that server, so it always matches the server's version.
const APP = { appName: 'To-do list', appId: 'todo' };
const MIGRATIONS = [
  'CREATE TABLE todo (id INTEGER PRIMARY KEY, title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0)',
];

const $ = (selector) => document.querySelector(selector);
const parameters = new URLSearchParams(location.search);
for (const [name, key] of [['server', 'todo_server'], ['level', 'todo_level']]) {
  if (parameters.has(name)) {
    localStorage.setItem(key, parameters.get(name));
  }
}
const server = localStorage.getItem('todo_server') || 'https://thedata.zone';
const level = localStorage.getItem('todo_level') || 'read-write';
const options = { ...APP, serverUrl: server, queryPermissionLevel: level };

const ayb = await import(`${server}/static/ayb.mjs`);
let client = null;

function show(message) {
  $('#status').textContent = message;
}

async function refresh() {
  const todos = await client.queryObjects('SELECT id, title FROM todo ORDER BY id');
  $('#todos').replaceChildren(
    ...todos.map((todo) => {
      const item = document.createElement('li');
      item.textContent = todo.title;
      return item;
    }),
  );
}

async function connected() {
  const info = client.getConnectionInfo();
  $('#connection').textContent =
    `Connected to ${info.entity}/${info.database} (${info.queryPermissionLevel || 'unknown level'})`;
  $('#connect').hidden = true;
  $('#disconnect').hidden = false;
  $('#add-form').hidden = false;
  if (info.queryPermissionLevel === 'read-write') {
    await ayb.runMigrations(client, APP.appId, MIGRATIONS);
  }
  await refresh();
  document.body.dataset.ready = 'true';
}

$('#connect').addEventListener('click', () => {
  ayb.createServerSelectionModal({ ...options, servers: [server] });
});

$('#disconnect').addEventListener('click', () => {
  client.disconnect();
  location.reload();
});

$('#add-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const title = $('#new-todo').value;
  try {
    await client.query(`INSERT INTO todo (title) VALUES ('${ayb.escapeSQL(title)}')`);
    $('#new-todo').value = '';
    show('');
    await refresh();
  } catch (error) {
    show(error.message);
  }
});

// What came back from the server, kept visible for the curious (and the UI tests).
for (const name of ['state', 'error']) {
  if (parameters.has(name)) {
    document.body.dataset[`callback${name[0].toUpperCase()}${name.slice(1)}`] = parameters.get(name);
  }
}

try {
  client = await ayb.restoreOAuth(options);
  if (client) {
    await connected();
  } else {
    document.body.dataset.ready = 'true';
  }
} catch (error) {
  show(error.message);
  document.body.dataset.ready = 'true';
}
