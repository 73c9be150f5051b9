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
import { canonicalRow, minus } from './rows.mjs';

const dir = resolve(process.argv[2] ?? '.');
const oracleSql = readFileSync(join(dir, 'oracle.sql'), 'utf8');
const expected = readFileSync(join(dir, 'expected.out'), 'utf8');

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
