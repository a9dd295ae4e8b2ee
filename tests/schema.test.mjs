// The published JSON Schemas agree with the app's validator: every bundled
// file passes the schema, and every bad fixture (which the Rust tests show the
// validator refuses) fails it. Run with: node --test tests/schema.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { readStrict, repeatedKey } from './strict-json.mjs';

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const ajv = new Ajv2020({ allErrors: true, strict: false });
const agreement = ajv.compile(JSON.parse(read('public/data/schema/agreement.schema.json')));
const series = ajv.compile(JSON.parse(read('public/data/schema/series.schema.json')));
const manifest = ajv.compile(JSON.parse(read('public/data/schema/index.schema.json')));

test('every bundled file passes its schema', () => {
  const index = JSON.parse(read('public/data/index.json'));
  assert.ok(manifest(index), JSON.stringify(manifest.errors));
  for (const { file } of index.agreements) {
    assert.ok(agreement(JSON.parse(read(`public/data/${file}`))), `${file}: ${JSON.stringify(agreement.errors)}`);
  }
  for (const file of [index.kpi, index.population]) {
    assert.ok(series(JSON.parse(read(`public/data/${file}`))), `${file}: ${JSON.stringify(series.errors)}`);
  }
  assert.ok(agreement(JSON.parse(read('public/example-agreement.json'))), JSON.stringify(agreement.errors));
});

test('every bad fixture fails the schema', () => {
  const expected = JSON.parse(read('tests/fixtures/invalid/expected.json'));
  const names = readdirSync(new URL('./fixtures/invalid/', import.meta.url)).filter((name) => name !== 'expected.json');
  assert.equal(names.length, Object.keys(expected).length);
  // What no JSON Schema can see (the bytes, a repeated key) is refused by
  // the strict reading before the schema, for the reason the fixture is about.
  const refusedBeforeTheSchema = {
    'invalid-utf8.json': 'encoding',
    'utf16.json': 'encoding',
    'duplicate-key.json': 'duplicate-key',
    'syntax-error.json': 'syntax',
  };
  for (const name of names) {
    const bytes = readFileSync(new URL(`./fixtures/invalid/${name}`, import.meta.url));
    let data;
    try {
      data = readStrict(bytes);
    } catch (error) {
      assert.equal(error.reason, refusedBeforeTheSchema[name], `${name}: refused as ${error.reason}: ${error.message}`);
      continue;
    }
    assert.equal(refusedBeforeTheSchema[name], undefined, `${name} should have been refused before the schema`);
    assert.equal(agreement(data), false, `${name} should fail the schema`);
  }
});

test('the strict reading finds the repeated key where the app does', () => {
  assert.equal(repeatedKey('{"year": 2016, "title": {}, "year": 2017}'), 'year');
  assert.equal(repeatedKey('{"a": [{"b": 1}, {"b": 2, "c": {"d": 1, "d": 2}}]}'), 'a[1].c.d');
  assert.equal(repeatedKey('[{"a": 1}, {"a": 2}]'), null);
  assert.equal(repeatedKey('{"ya": 1, "y\u0061": 2}'), 'ya');
});
