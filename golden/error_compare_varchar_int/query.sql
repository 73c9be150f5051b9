-- name: error_compare_varchar_int
-- description: comparing a VARCHAR column with an INT literal is a type error
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id
FROM trades
WHERE symbol = 42;
