// The differential check of a golden case: the rows streamc wrote (the JSON
// lines on stdout recorded in the case's expected.out, which `streamc test`
// keeps equal to what the program prints) must equal, as a multiset, what
// DuckDB returns for the case's oracle.sql, the equivalent batch query over
// the same files.
//
//   node tools/oracle/differential.mjs golden/<case>
//
// Values are compared after normalizing what differs only in spelling:
// numbers by value (18925.00 = 18925), timestamps by instant
// ('2025-09-27 09:30:00.25' = '2025-09-27T09:30:00.250Z'). Exit status 0 when
// the multisets are equal, 1 (with the rows that differ) when not.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const dir = resolve(process.argv[2] ?? '.');
const oracleSql = readFileSync(join(dir, 'oracle.sql'), 'utf8');
const expected = readFileSync(join(dir, 'expected.out'), 'utf8');

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function canonicalNumber(text) {
  if (/[eE]/.test(text)) return String(Number(text));
  let [whole, fraction = ''] = text.replace(/^\+/, '').split('.');
  const negative = whole.startsWith('-');
  whole = whole.replace('-', '').replace(/^0+(?=\d)/, '') || '0';
  fraction = fraction.replace(/0+$/, '');
  const out = fraction ? `${whole}.${fraction}` : whole;
  return negative && out !== '0' ? `-${out}` : out;
}

function normalize(value) {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return canonicalNumber(String(value));
  if (typeof value === 'string') {
    if (NUMBER.test(value)) return canonicalNumber(value);
    if (TIMESTAMP.test(value)) {
      let iso = value.replace(' ', 'T');
      if (!/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) iso += 'Z';
      const ms = Date.parse(iso);
      if (!Number.isNaN(ms)) return `@${ms}`;
    }
    return value;
  }
  return JSON.stringify(value);
}

function canonicalRow(row) {
  const keys = Object.keys(row).sort();
  return JSON.stringify(keys.map((k) => [k, normalize(row[k])]));
}

// streamc's rows: the JSON lines before the first `==> ` section.
const streamcRows = [];
for (const line of expected.split('\n')) {
  if (line.startsWith('==> ')) break;
  if (line.trim()) streamcRows.push(canonicalRow(JSON.parse(line)));
}

process.chdir(dir);
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(oracleSql);
const oracleRows = reader.getRowObjectsJson().map(canonicalRow);

// Multiset difference, both ways.
function minus(a, b) {
  const counts = new Map();
  for (const r of b) counts.set(r, (counts.get(r) ?? 0) + 1);
  const out = [];
  for (const r of a) {
    const n = counts.get(r) ?? 0;
    if (n > 0) counts.set(r, n - 1);
    else out.push(r);
  }
  return out;
}
const onlyStreamc = minus(streamcRows, oracleRows);
const onlyOracle = minus(oracleRows, streamcRows);
if (onlyStreamc.length === 0 && onlyOracle.length === 0) {
  console.log(`differential: ${streamcRows.length} rows, equal to DuckDB's`);
  process.exit(0);
}
console.log(`differential: streamc wrote ${streamcRows.length} rows, DuckDB returned ${oracleRows.length}`);
for (const r of onlyStreamc) console.log(`  only streamc: ${r}`);
for (const r of onlyOracle) console.log(`  only DuckDB:  ${r}`);
process.exit(1);
