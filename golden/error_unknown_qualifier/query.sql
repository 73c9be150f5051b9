-- name: error_unknown_qualifier
-- description: a column qualified with an alias that is not in FROM is an error naming the qualifier
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, price DOUBLE)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT t.trade_id, u.symbol
FROM trades t;
