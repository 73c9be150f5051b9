-- name: limit_rows
-- description: LIMIT counts output records after WHERE: the program stops once 2 records are written and does not read the rest of the file
CREATE STREAM trades (id BIGINT, symbol VARCHAR, qty INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT id, symbol FROM trades WHERE qty > 10 LIMIT 2;
