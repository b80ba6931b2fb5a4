// The widget's parameters are defined once, in its registry (src/core/params/options.cpp, printed by
// likeloss-parameters). Every other place that names them is a copy, checked here: embed.js (what
// a snippet may pass, and how long), the configurator (what it carries over from its page), the
// page-id rule both hold, and the README's table. A parameter added to one and not the others
// fails here, not in front of a blogger.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tool = join(repo, 'build/native/likeloss-parameters');
if (!existsSync(tool)) throw new Error(`${tool} is missing: run tools/test.sh, which builds it first`);
const rows = JSON.parse(execFileSync(tool, ['--json'], { encoding: 'utf8' }));
const literal = execFileSync(tool, ['--js'], { encoding: 'utf8' }).trim();
const read = (path) => readFileSync(join(repo, path), 'utf8');

test('the registry has every parameter the widget reads, the public ones and the two that are not', () => {
  assert.deepEqual(rows.filter((r) => !r.public).map((r) => r.name), ['graph_token', 'graph_version']);
  assert.ok(rows.length >= 15);
});

for (const file of ['embed/embed.js', 'shell/configurator.js']) {
  test(`${file} holds the registry's public parameters and their longest values`, () => {
    const js = read(file);
    const held = js.match(/var PARAMETERS = (\{[^}]*\});/);
    assert.ok(held, `${file} has no PARAMETERS table`);
    assert.equal(held[1], literal, `${file} drifted from the registry (likeloss-parameters --js)`);
    assert.ok(!/graph_token/.test(held[1]));
  });

  test(`${file} tells a page id as the core does`, () => {
    const pattern = read(file).match(/\/\^\[A-Za-z0-9\._-\]\{1,100\}\$\//g);
    assert.ok(pattern, `${file} has no page-id pattern`);
    const js = /^[A-Za-z0-9._-]{1,100}$/;
    for (const id of ['inwi.ma', 'Maroc_Telecom-1', 'a', 'x'.repeat(100), 'x'.repeat(101), '', 'a b', 'a<b', 'caf\u00e9', 'a,b', 'a/b'])
      assert.equal(js.test(id), spawnSync(tool, ['--page-id', id]).status === 0, `"${id}"`);
  });
}

test("the README's parameter table names every public parameter, and no other", () => {
  const readme = read('README.md');
  const table = readme.slice(readme.indexOf('| parameter | values | default |'));
  const lines = table.split('\n').slice(2);
  const named = [];
  for (const line of lines) {
    if (!line.startsWith('|')) break;
    for (const [, name] of line.split('|')[1].matchAll(/`([^`]+)`/g)) named.push(name.replace(/<page id>$/, ''));
  }
  const wanted = rows.filter((r) => r.public).map((r) => r.name);
  assert.deepEqual([...named].sort(), [...wanted].sort());
  for (const r of rows.filter((r) => !r.public)) assert.ok(readme.includes(`${r.name}=`), `the README never shows ${r.name}=`);
});
