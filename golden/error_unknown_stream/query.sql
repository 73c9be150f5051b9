-- name: error_unknown_stream
-- description: FROM a misspelt stream name gets a diagnostic suggesting the declared stream
CREATE STREAM trades (trade_id BIGINT, symbol VARCHAR, price DOUBLE)
    WITH ('connector' = 'file', 'path' = 'trades.jsonl', 'format' = 'json');

SELECT trade_id, symbol
FROM trade;
