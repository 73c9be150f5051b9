-- name: error_where_not_boolean
-- description: a WHERE condition of type BIGINT is rejected
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, quantity INT)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id
FROM trades
WHERE quantity * 2;
