// Whether two engines wrote the same rows: two files of JSON objects (one
// per line, as streamc and DuckDB's COPY ... (FORMAT json) write them),
// compared as multisets with the normalization of rows.mjs. A column named
// with --near COLUMN=DIGITS is compared to within one unit of its DIGITS-th
// decimal (streamc's exact AVG of a DECIMAL against DuckDB's DOUBLE).
//
//   node tools/oracle/same_rows.mjs A.jsonl B.json [--near avg_price=6]
//
// Exit status 0 when equal; 1, with up to ten rows that differ, when not.
import { readFileSync } from 'node:fs';
import { canonicalRow, minus } from './rows.mjs';

const args = process.argv.slice(2);
const files = [];
const near = {};
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--near') {
    const [column, digits] = args[++i].split('=');
    near[column] = Number(digits);
  } else {
    files.push(args[i]);
  }
}
if (files.length !== 2) {
  console.error('usage: node tools/oracle/same_rows.mjs A.jsonl B.json [--near COLUMN=DIGITS]');
  process.exit(2);
}

// Each row as its exact columns (the key) and its near ones, rounded down to a unit.
function load(file) {
  const rows = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    const exact = {};
    const close = [];
    for (const [k, v] of Object.entries(row)) {
      if (k in near && v !== null) close.push([k, Number(v) * 10 ** near[k]]);
      else exact[k] = v;
    }
    rows.push({ key: canonicalRow(exact), close: close.sort() });
  }
  return rows;
}

const [a, b] = files.map(load);
const matched = (x, y) => x.close.every(([k, v], i) => y.close[i] && y.close[i][0] === k && Math.abs(v - y.close[i][1]) <= 1);
// Exact columns first, as multisets; then each key's near values, in order.
const onlyA = minus(a.map((r) => r.key), b.map((r) => r.key));
const onlyB = minus(b.map((r) => r.key), a.map((r) => r.key));
const byKey = new Map();
for (const r of b) (byKey.get(r.key) ?? byKey.set(r.key, []).get(r.key)).push(r);
let far = 0;
const shown = [];
for (const r of a) {
  const candidates = byKey.get(r.key) ?? [];
  const i = candidates.findIndex((c) => matched(r, c));
  if (i >= 0) candidates.splice(i, 1);
  else if (candidates.length > 0 && ++far <= 10) shown.push(`  not near: ${r.key} ${JSON.stringify(r.close)}`);
}
if (onlyA.length === 0 && onlyB.length === 0 && far === 0) {
  console.log(`same rows: ${a.length}`);
  process.exit(0);
}
console.log(`different rows: ${files[0]} has ${a.length}, ${files[1]} has ${b.length}`);
for (const r of onlyA.slice(0, 10)) console.log(`  only in ${files[0]}: ${r}`);
for (const r of onlyB.slice(0, 10)) console.log(`  only in ${files[1]}: ${r}`);
for (const line of shown) console.log(line);
process.exit(1);
