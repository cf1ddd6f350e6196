import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { classicScript } from '../build.mjs';
import * as esm from '../ayb.mjs';

const read = (name) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

test('ayb.js is the current build of ayb.mjs', () => {
  assert.equal(read('ayb.js'), classicScript(read('ayb.mjs')));
});

test('the classic script exports the same names through CommonJS and window', () => {
  const cjs = createRequire(import.meta.url)('../ayb.js');
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).sort());
  for (const name of ['AybClient', 'AybOAuth', 'restoreOAuth', 'createServerSelectionModal', 'runMigrations', 'queryObjects', 'escapeSQL']) {
    assert.equal(typeof cjs[name], 'function', name);
  }
  const window = {};
  vm.runInNewContext(read('ayb.js'), { window });
  assert.deepEqual(Object.keys(window).sort(), Object.keys(esm).sort());
  assert.equal(window.escapeSQL("a'b"), "a''b");
});

test('the type declarations declare every export', () => {
  const declarations = read('ayb.d.ts');
  for (const name of Object.keys(esm)) {
    assert.match(declarations, new RegExp(`export (declare )?(class|function) ${name}\\b`), name);
  }
});
