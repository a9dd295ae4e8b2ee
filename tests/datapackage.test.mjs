// The published data package (dist/data/datapackage.json with figures.csv),
// checked by the third-party `frictionless` validator (PyPI), which
// scripts/setup.sh --test installs into .tools/venv. A copy with a broken
// row must be refused, so this test can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const frictionless = process.env.FRICTIONLESS ?? '.tools/venv/bin/frictionless';
const data = 'dist/data';

function validate(folder) {
  let out;
  try {
    out = execFileSync(frictionless, ['validate', '--json', join(folder, 'datapackage.json')], { encoding: 'utf8' });
  } catch (error) {
    // Exit 1 with a report when invalid.
    out = error.stdout;
  }
  return JSON.parse(out);
}

test('the data package of the release build is valid', () => {
  const report = validate(data);
  assert.equal(report.valid, true, JSON.stringify(report.tasks?.[0]?.errors?.slice(0, 3)));
  const rows = readFileSync(join(data, 'figures.csv'), 'utf8').trim().split('\n');
  assert.ok(rows.length > 60, `${rows.length} rows`);
  assert.match(rows[0], /^year,id,parent,role,/);
});

test('a package whose table breaks its schema is refused', () => {
  const copy = mkdtempSync(join(tmpdir(), 'package-'));
  cpSync(join(data, 'datapackage.json'), join(copy, 'datapackage.json'));
  const csv = readFileSync(join(data, 'figures.csv'), 'utf8');
  // An amount that is not a whole number, and a repeated primary key.
  const lines = csv.split('\n');
  lines[2] = lines[2].replace(/,350000000,/, ',350 mnkr,');
  lines.push(lines[3]);
  writeFileSync(join(copy, 'figures.csv'), lines.join('\n'));
  const report = validate(copy);
  assert.equal(report.valid, false);
  const types = report.tasks[0].errors.map((error) => error.type);
  assert.ok(types.includes('type-error'), types.join(', '));
  assert.ok(types.includes('primary-key'), types.join(', '));
});
