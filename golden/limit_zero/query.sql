-- name: limit_zero
-- description: LIMIT 0 writes nothing (a CSV sink still gets its header) and reads no record
CREATE STREAM trades (id BIGINT, symbol VARCHAR, qty INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

CREATE STREAM none WITH ('connector' = 'file', 'path' = './out/none.csv', 'format' = 'csv') AS
SELECT id, symbol FROM trades LIMIT 0;
