-- name: error_varchar_plus_int
-- description: VARCHAR + INT is a type error (no implicit conversion of text to a number)
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id, symbol + quantity AS nonsense
FROM trades;
