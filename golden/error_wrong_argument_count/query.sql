-- name: error_wrong_argument_count
-- description: a built-in function called with too many arguments says how many it takes
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id, LENGTH(symbol, 2) AS n FROM trades;
