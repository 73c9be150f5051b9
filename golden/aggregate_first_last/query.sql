-- name: aggregate_first_last
-- description: Velostream's FIRST / LAST and Flink's FIRST_VALUE / LAST_VALUE as aggregates: the first and last non-NULL value of a group in the order the records arrive (not by event time), NULL for a group with none; checked against DuckDB's first/last ordered by arrival
CREATE STREAM trades (id INT, symbol VARCHAR, price DECIMAL(10,2), ts TIMESTAMP)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT symbol, FIRST(price) AS open, LAST(price) AS close, FIRST_VALUE(ts) AS first_seen, LAST_VALUE(ts) AS last_seen,
       COUNT(*) AS trades
FROM trades
GROUP BY symbol
EMIT FINAL;
