// What the tests give the client instead of a browser: Web Storage, location and history, and a
// local HTTP server standing in for an ayb server (real fetch, real sockets).
import { createServer } from 'node:http';

export class MemoryStorage {
  constructor() {
    this.items = new Map();
  }
  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }
  setItem(key, value) {
    this.items.set(key, String(value));
  }
  removeItem(key) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

/** A fresh browser-like global state at `href`; `location.assign` records where the page went. */
export function browserAt(href) {
  const assigned = [];
  const url = new URL(href);
  globalThis.localStorage = new MemoryStorage();
  globalThis.sessionStorage = new MemoryStorage();
  globalThis.location = {
    origin: url.origin,
    pathname: url.pathname,
    search: url.search,
    href: url.href,
    assign: (target) => assigned.push(target),
  };
  globalThis.history = {
    replaceState: (state, title, target) => {
      const next = new URL(target, globalThis.location.origin);
      globalThis.location.pathname = next.pathname;
      globalThis.location.search = next.search;
    },
  };
  return assigned;
}

/** Moves the fake browser to `href` (same storages), as a redirect back from the server would. */
export function navigate(href) {
  const url = new URL(href);
  Object.assign(globalThis.location, {
    origin: url.origin,
    pathname: url.pathname,
    search: url.search,
    href: url.href,
  });
}

/**
 * Starts a server answering with `handle(request, body)` → `{status, body, type}`; resolves to
 * `{url, requests, close}` where `requests` records method, path, headers and body.
 */
export async function fakeServer(handle) {
  const requests = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      requests.push({ method: request.method, url: request.url, headers: request.headers, body });
      const answer = handle(request, body) || { status: 404, body: '' };
      response.writeHead(answer.status, { 'Content-Type': answer.type || 'application/json' });
      response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}
