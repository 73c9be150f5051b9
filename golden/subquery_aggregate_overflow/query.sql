-- name: subquery_aggregate_overflow
-- description: a SUM in a subquery that leaves BIGINT or DECIMAL(38) fails every record that asks for it (here skipped and counted), never gives a wrapped or half-summed number: indexed per record, uncorrelated once per table version
CREATE TABLE big (id INT PRIMARY KEY, grp VARCHAR, n BIGINT, d DECIMAL(38, 0))
    WITH ('connector' = 'file', 'path' = 'big.csv', 'format' = 'csv');
CREATE STREAM asks (id INT, grp VARCHAR)
    WITH ('connector' = 'file', 'path' = 'asks.jsonl', 'format' = 'json', 'on.error' = 'skip');

CREATE STREAM by_group WITH ('connector' = 'file', 'path' = './out/by_group.jsonl', 'format' = 'json') AS
SELECT a.id, (SELECT SUM(b.n) FROM big b WHERE b.grp = a.grp) AS grp_total FROM asks a;

CREATE STREAM overall WITH ('connector' = 'file', 'path' = './out/overall.jsonl', 'format' = 'json') AS
SELECT a.id, (SELECT SUM(b.d) FROM big b) AS d_total, (SELECT MAX(b.n) FROM big b) AS top FROM asks a;
