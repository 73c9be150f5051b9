// Runs one benchmark query in DuckDB and prints its wall time in seconds
// (the query alone: Node's start-up is not counted).
//
//   node tools/oracle/bench.mjs <query.duckdb.sql> <data dir> <output file> <threads>
//
// {data} and {out} in the query are replaced by the data directory and the
// output file.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [file, data, out, threads] = process.argv.slice(2);
const sql = readFileSync(file, 'utf8').replaceAll('{data}', data).replaceAll('{out}', out);
const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const connection = await instance.connect();
const start = process.hrtime.bigint();
await connection.run(sql);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(seconds.toFixed(4));
