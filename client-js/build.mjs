// Builds ayb.js, the classic-script form of ayb.mjs: one function scope whose exports go to
// module.exports (CommonJS) and to window (a <script> tag). `node build.mjs --check` fails when
// ayb.js is not what the build makes (the tests run it).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));

export function classicScript(moduleSource) {
  const names = [];
  const body = moduleSource.replace(
    /^export (async function|function|class|const) ([A-Za-z_$][\w$]*)/gm,
    (match, kind, name) => {
      names.push(name);
      return `${kind} ${name}`;
    },
  );
  if (/^export /m.test(body)) {
    throw new Error('ayb.mjs has an export form build.mjs does not know');
  }
  const indented = body
    .trimEnd()
    .split('\n')
    .map((line) => (line.length ? `  ${line}` : line))
    .join('\n');
  return (
    '// Generated from ayb.mjs by build.mjs: edit ayb.mjs and run `node build.mjs`.\n' +
    '(function () {\n' +
    "  'use strict';\n\n" +
    `${indented}\n\n` +
    `  const api = { ${names.join(', ')} };\n` +
    "  if (typeof module === 'object' && module.exports) {\n" +
    '    module.exports = api;\n' +
    '  }\n' +
    "  if (typeof window !== 'undefined') {\n" +
    '    Object.assign(window, api);\n' +
    '  }\n' +
    '})();\n'
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = classicScript(readFileSync(here('ayb.mjs'), 'utf8'));
  if (process.argv.includes('--check')) {
    if (readFileSync(here('ayb.js'), 'utf8') !== built) {
      console.error('ayb.js is out of date: run `node build.mjs`');
      process.exit(1);
    }
  } else {
    writeFileSync(here('ayb.js'), built);
  }
}
